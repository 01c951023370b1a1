using GovBot.Data;
using GovBot.Data.Places;
using GovBot.Data.Reports;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Open311;

/// <summary>The services (active report categories) and communities a client may choose from.</summary>
public sealed class Open311Catalog(GovBotDb db)
{
    public Task<List<ReportCategory>> ServicesAsync(CancellationToken ct) =>
        db.ReportCategories.AsNoTracking().Where(c => c.Active).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);

    /// <summary>The active category of a service_code: 400 when none is given, 404 when it does not exist.</summary>
    public async Task<ReportCategory> FindAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) throw Open311Exception.BadRequest("缺少 service_code，可用的见 services.json。");
        var id = ServiceMapping.ParseCode(code.Trim());
        var category = id is null ? null : await db.ReportCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.Active, ct);
        return category ?? throw Open311Exception.NotFound($"service_code「{code}」不存在，可用的见 services.json。");
    }

    public Task<List<Community>> CommunitiesAsync(CancellationToken ct) =>
        db.Communities.AsNoTracking().Include(c => c.Town!).ThenInclude(t => t.County).OrderBy(c => c.Id).ToListAsync(ct);
}
