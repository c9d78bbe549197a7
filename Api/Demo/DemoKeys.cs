using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Users;

namespace Platform.Api.Demo;

/// <summary>
/// Makes Demo:IngestKey and Demo:MemberKey working keys, the way Platform:AdminKey is: a secret already known (a key made
/// through the admin API) is left as it is; another one becomes a key of the demo@localhost member. Unlike the admin,
/// a disabled demo user stays disabled: that is how an admin switches the demo off without a restart.
/// </summary>
public static class DemoKeys
{
    public const string DemoEmail = "demo@localhost";

    public static async Task EnsureAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IConfiguration>().GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new();
        var wanted = new[]
        {
            (Secret: options.IngestKey, Name: "demo (Demo:IngestKey)", Scope: ApiKeyScope.Ingest),
            (Secret: options.MemberKey, Name: "demo (Demo:MemberKey)", Scope: ApiKeyScope.Member),
        }.Where(k => !string.IsNullOrWhiteSpace(k.Secret)).DistinctBy(k => k.Secret).ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        User? demo = null;
        foreach (var (secret, name, keyScope) in wanted)
        {
            var hash = ApiKeySecrets.Hash(secret!);
            if (await db.ApiKeys.AnyAsync(k => k.Hash == hash && k.Name != name, cancellationToken))
            {
                continue;
            }
            demo ??= await db.Users.Include(u => u.Keys).FirstOrDefaultAsync(u => u.Email == DemoEmail, cancellationToken)
                ?? db.Users.Add(new User { Name = "demo", Email = DemoEmail, Role = UserRole.Member }).Entity;
            var key = demo.Keys.FirstOrDefault(k => k.Name == name);
            if (key is null)
            {
                demo.Keys.Add(new ApiKey { UserId = demo.Id, Name = name, Prefix = "demo", Hash = hash, Scope = keyScope });
            }
            else
            {
                // A new secret in configuration replaces the previous one.
                (key.Hash, key.Scope) = (hash, keyScope);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another Api process made the same keys at the same moment; its rows stand.
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoKeys))
                .LogInformation("Demo keys raced another process: {Message}", ex.InnerException?.Message ?? ex.Message);
        }
    }
}
