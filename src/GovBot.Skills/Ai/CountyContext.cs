using GovBot.Data;
using GovBot.Skills.Nlu;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Ai;

/// <summary>The names the model may use, as lists for the prompt: the same vocabulary the validator accepts.</summary>
public sealed record CountyContext(string Counties, string Communities, string Compounds, string Categories, string Services, string Today)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static async Task<CountyContext> ReadAsync(
        IDbContextFactory<GovBotDb> dbs, IGazetteer gazetteer, TimeProvider time, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var counties = await db.Counties.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Name).ToListAsync(ct);
        return new CountyContext(
            Join(counties),
            Join(gazetteer.Communities.Select(c => c.Name)),
            Join(gazetteer.Compounds.Select(c => c.Name)),
            Join(gazetteer.ReportCategories.Select(c => c.Name)),
            Join(gazetteer.Services.Select(c => c.Name)),
            time.GetUtcNow().ToOffset(ChinaOffset).ToString("yyyy-MM-dd dddd", System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
    }

    private static string Join(IEnumerable<string> names) => string.Join("、", names);
}
