namespace GovBot.Data.Reference;

/// <summary>The reference data for one turn (a scope): the stamp is read once, however many skills ask.</summary>
public sealed class ReferenceData(GovBotDb db, ReferenceCache cache)
{
    private Task<ReferenceSnapshot>? _snapshot;

    public Task<ReferenceSnapshot> GetAsync(CancellationToken ct) => _snapshot ??= cache.GetAsync(db, ct);
}
