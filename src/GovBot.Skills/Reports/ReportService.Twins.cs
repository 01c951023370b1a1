using GovBot.Data;
using GovBot.Data.Reports;
using GovBot.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Reports;

/// <summary>The twin check: an open report of the same kind at the same place, filed recently, is better joined than doubled.</summary>
public sealed partial class ReportService
{
    /// <summary>
    /// An open report of the last <see cref="ReportOptions.DuplicateWindow"/> at the same place, of the same category
    /// and about the same thing (<see cref="ProblemSimilarity"/>), newest first; null when there is none.
    /// </summary>
    public async Task<Report?> FindTwinAsync(int categoryId, int? compoundId, int? buildingId, string? placeNote, string what, CancellationToken ct)
    {
        if (buildingId is null && (compoundId is null || placeNote is null)) return null;
        var since = time.GetUtcNow() - options.Value.DuplicateWindow;
        // Ids and descriptions first, from the index and the row; then that one report with what the offer shows. Asked
        // in one go, SQLite joined six tables to every open report of the place before sorting them.
        var candidates = buildingId is { } building
            ? OpenTwinsInBuilding.For(db)(db, categoryId, since, building)
            : OpenTwinsAtPlace.For(db)(db, categoryId, since, compoundId!.Value, placeNote!);
        // Read whole before the next query: PostgreSQL runs one command at a time on a connection (SQLite let both run).
        var open = new List<TwinCandidate>();
        await foreach (var candidate in candidates.WithCancellation(ct)) open.Add(candidate);
        foreach (var candidate in open)
        {
            if (ProblemSimilarity.Same(what, candidate.Description) == false) continue;
            return await ToShow.For(db)(db, [candidate.Id]).FirstOrDefaultAsync(ct);
        }
        return null;
    }

    /// <summary>How many open reports of a place are compared with a new one; more than this in a day is one story.</summary>
    private const int TwinsCompared = 10;

    private static readonly ModelQuery<Func<GovBotDb, int, DateTimeOffset, int, IAsyncEnumerable<TwinCandidate>>> OpenTwinsInBuilding = new(() =>
        EF.CompileAsyncQuery((GovBotDb db, int categoryId, DateTimeOffset since, int buildingId) => db.Reports
            .Where(r => r.CategoryId == categoryId && r.BuildingId == buildingId && r.CreatedAt >= since
                && (r.Status == ReportStatus.Reported || r.Status == ReportStatus.Accepted || r.Status == ReportStatus.Deliberating))
            .OrderByDescending(r => r.CreatedAt).Take(TwinsCompared).Select(r => new TwinCandidate(r.Id, r.Description))));

    private static readonly ModelQuery<Func<GovBotDb, int, DateTimeOffset, int, string, IAsyncEnumerable<TwinCandidate>>> OpenTwinsAtPlace = new(() =>
        EF.CompileAsyncQuery((GovBotDb db, int categoryId, DateTimeOffset since, int compoundId, string placeNote) => db.Reports
            .Where(r => r.CategoryId == categoryId && r.CompoundId == compoundId && r.PlaceNote == placeNote && r.CreatedAt >= since
                && (r.Status == ReportStatus.Reported || r.Status == ReportStatus.Accepted || r.Status == ReportStatus.Deliberating))
            .OrderByDescending(r => r.CreatedAt).Take(TwinsCompared).Select(r => new TwinCandidate(r.Id, r.Description))));

    private sealed record TwinCandidate(int Id, string Description);
}
