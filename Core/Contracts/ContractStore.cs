using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Core.Contracts;

/// <summary>
/// Stored contract versions. <c>owner</c> scopes every read: a member's user id (their own contracts only), or null
/// for an admin (all of them), as events and interactions are scoped.
/// </summary>
public sealed class ContractStore(PlatformDbContext db)
{
    public IQueryable<UiContract> Visible(Guid? owner)
    {
        var contracts = db.Set<UiContract>().AsNoTracking();
        return owner is { } id ? contracts.Where(c => c.OwnerUserId == id) : contracts;
    }

    /// <summary>Newest version first: by the version's numbers (0.1.10 after 0.1.9), then by creation.</summary>
    public static IQueryable<UiContract> NewestFirst(IQueryable<UiContract> contracts) =>
        contracts.OrderByDescending(c => c.VersionMajor).ThenByDescending(c => c.VersionMinor).ThenByDescending(c => c.VersionPatch)
            .ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);

    public Task<UiContract?> LatestAsync(string userId, Guid? owner, CancellationToken ct) =>
        NewestFirst(Visible(owner).Where(c => c.UserId == userId)).FirstOrDefaultAsync(ct);

    public Task<UiContract?> FindAsync(Guid id, Guid? owner, CancellationToken ct) => Visible(owner).FirstOrDefaultAsync(c => c.Id == id, ct);

    public Task<List<UiContract>> ListAsync(string? userId, Guid? owner, int limit, CancellationToken ct)
    {
        var contracts = Visible(owner);
        contracts = userId is null ? contracts : contracts.Where(c => c.UserId == userId);
        return NewestFirst(contracts).Take(limit).ToListAsync(ct);
    }

    public async Task AddAsync(UiContract contract, CancellationToken ct)
    {
        db.Set<UiContract>().Add(contract);
        await db.SaveChangesAsync(ct);
        db.Entry(contract).State = EntityState.Detached;
    }
}
