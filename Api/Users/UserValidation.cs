using System.Net.Mail;
using Platform.Api.Infrastructure;

namespace Platform.Api.Users;

internal static class UserValidation
{
    public static Validation Validate(CreateUserRequest request) =>
        new Validation()
            .Text(request.Name, "name", 100)
            .Text(request.Email, "email", 254)
            .Require(IsEmail(request.Email), "email", "must be an email address.");

    public static Validation Validate(UpdateUserRequest request) =>
        new Validation()
            .Text(request.Name, "name", 100, required: false)
            .Text(request.Email, "email", 254, required: false)
            .Require(request.Email is null || IsEmail(request.Email), "email", "must be an email address.");

    public static Validation Validate(CreateKeyRequest request) => new Validation().Text(request.Name, "name", 100);

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    private static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim();
}
