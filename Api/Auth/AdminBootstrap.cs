using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Users;

namespace Platform.Api.Auth;

/// <summary>Makes Platform:AdminKey a working admin key: a bootstrap admin user holding a key with that secret.</summary>
public static class AdminBootstrap
{
    public const string ConfigurationKey = "Platform:AdminKey";
    public const string AdminEmail = "admin@localhost";
    public const string KeyName = "bootstrap (Platform:AdminKey)";

    /// <summary>
    /// The bootstrap key's visible prefix: a fixed label, because the operator chose this secret and it may be short
    /// or shared, so no part of it is stored or shown.
    /// </summary>
    public const string KeyPrefix = "bootstrap";

    public static async Task EnsureAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminBootstrap));
        var secret = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(secret))
        {
            logger.LogWarning("{Key} is not set: only keys already in the database can sign in", ConfigurationKey);
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var admin = await db.Users.Include(u => u.Keys).FirstOrDefaultAsync(u => u.Email == AdminEmail, cancellationToken);
        if (admin is null)
        {
            admin = new User { Name = "admin", Email = AdminEmail, Role = UserRole.Admin };
            db.Users.Add(admin);
        }
        // The configured key always works as admin, even if someone demoted or disabled the bootstrap user:
        // it is the operator's way back in; removing Platform:AdminKey is how to turn it off.
        admin.Role = UserRole.Admin;
        admin.DisabledAt = null;

        var hash = ApiKeySecrets.Hash(secret);
        var key = admin.Keys.FirstOrDefault(k => k.Name == KeyName);
        if (key is null)
        {
            admin.Keys.Add(new ApiKey { UserId = admin.Id, Name = KeyName, Prefix = KeyPrefix, Hash = hash, Scope = ApiKeyScope.Admin });
        }
        else
        {
            // A new Platform:AdminKey replaces the previous bootstrap secret.
            (key.Hash, key.Prefix, key.Scope) = (hash, KeyPrefix, ApiKeyScope.Admin);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another Api process bootstrapped the same admin at the same moment; its row stands.
            logger.LogInformation("Admin bootstrap raced another process: {Message}", ex.InnerException?.Message ?? ex.Message);
        }
    }
}
