namespace Platform.Core.Users;

public enum UserRole
{
    Member,
    Admin,
}
