using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Data.People;
using GovBot.Data.Store;
using GovBot.Data.Structure;
using GovBot.Host.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovBot.Host.StaffDirectory;

/// <summary>
/// One sync with WeCom's address book: read everything first (a failed call changes nothing), plan the changes,
/// refuse a plan that would mark too many as left unless confirmed, then apply it with the handover of the leavers'
/// open work and one <see cref="ImportRecord"/>, all in one transaction.
/// </summary>
public sealed partial class DirectorySync(
    GovBotDb db,
    DirectoryReader reader,
    StoreWriteGate gate,
    DirectorySyncLastRun last,
    IOutboxSignal outbox,
    IOptions<DirectorySyncOptions> options,
    IOptions<StaffOptions> staff,
    TimeProvider time,
    ILogger<DirectorySync> log)
{
    public const string Source = "企业微信通讯录";

    /// <param name="actor">The admin who pressed 「立即同步」; null for the schedule.</param>
    /// <param name="confirmedLeavers">How many leavers the admin confirmed; a plan with more is refused again.</param>
    public async Task<DirectorySyncOutcome> RunAsync(Person? actor, int confirmedLeavers, CancellationToken ct)
    {
        await last.Gate.WaitAsync(ct);
        try
        {
            var outcome = await SyncAsync(actor, confirmedLeavers, ct);
            last.Set(outcome);
            LogOutcome(log, outcome.Kind, outcome.Added, outcome.Changed, outcome.Left, outcome.HandedOver, outcome.Message);
            return outcome;
        }
        finally
        {
            last.Gate.Release();
        }
    }

    private async Task<DirectorySyncOutcome> SyncAsync(Person? actor, int confirmedLeavers, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var by = actor?.Name;
        var grids = await db.Grids.AsNoTracking().Where(g => g.WeComDepartmentId != null).ToDictionaryAsync(g => g.WeComDepartmentId!.Value, ct);
        var communities = await db.Communities.AsNoTracking().Where(c => c.WeComDepartmentId != null).ToDictionaryAsync(c => c.WeComDepartmentId!.Value, ct);
        if (grids.Count + communities.Count == 0)
            return new DirectorySyncOutcome(DirectorySyncOutcomeKind.NotMapped, now, "还没有把企业微信的部门对应到社区或网格，没有同步。") { By = by };

        DirectoryBook book;
        try
        {
            book = await reader.ReadAsync([.. grids.Keys, .. communities.Keys], ct);
        }
        catch (DirectoryUnavailableException ex)
        {
            LogUnavailable(log, ex);
            return new DirectorySyncOutcome(DirectorySyncOutcomeKind.Failed, now, $"{ex.Message}，这次没有做任何改动，稍后再试。") { By = by };
        }

        db.EnsureWritable();
        using var passage = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var bootstrap = staff.Value.BootstrapAdmin.UserName?.Trim();
        var planner = new DirectorySyncPlanner(db, now, p => p.Has(Roles.CountyAdmin) || p.WeComUserId == bootstrap);
        var plan = await planner.PlanAsync(book, grids, communities, ct);
        var leaverNames = plan.Leavers.Select(l => l.Person.Name).ToList();

        var allowed = Math.Max(options.Value.RemovalAllowance, (int)Math.Floor(options.Value.RemovalShare * plan.SyncedBefore));
        if (plan.Leavers.Count > allowed && plan.Leavers.Count > confirmedLeavers)
        {
            db.ChangeTracker.Clear();
            return new DirectorySyncOutcome(DirectorySyncOutcomeKind.Refused, now,
                $"这次同步会让 {plan.Leavers.Count} 人（共 {plan.SyncedBefore} 人）离开，超过了允许的 {allowed} 人，没有执行。请先在企业微信管理后台核对应用的可见范围；确认无误后由县里管理员确认同步。")
            {
                Left = plan.Leavers.Count, Leavers = leaverNames, By = by,
            };
        }

        await db.SaveChangesAsync(ct);
        var handover = new DirectorySyncHandover(db, now);
        var handed = 0;
        foreach (var leaver in plan.Leavers) handed += await handover.HandOverAsync(leaver, ct);
        var summary = $"新增 {plan.Added} 人，变更 {plan.Changed} 人，离开 {plan.Leavers.Count} 人，转交工作 {handed} 项"
            + (leaverNames.Count > 0 ? $"；离开：{string.Join("、", leaverNames)}" : "");
        db.ImportRecords.Add(new ImportRecord
        {
            Kind = ImportKind.Directory, At = now, ActorId = actor?.Id, ActorWeComUserId = actor?.WeComUserId, Source = Source,
            Added = plan.Added, Changed = plan.Changed, Unchanged = plan.Unchanged, Removed = plan.Leavers.Count,
            Summary = summary.Length > 2000 ? summary[..2000] : summary,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (handed > 0) outbox.Signal();
        return new DirectorySyncOutcome(DirectorySyncOutcomeKind.Applied, now, summary)
        {
            Added = plan.Added, Changed = plan.Changed, Unchanged = plan.Unchanged, Left = plan.Leavers.Count, HandedOver = handed,
            Leavers = leaverNames, By = by,
        };
    }

    [LoggerMessage(LogLevel.Information, "Directory sync {Kind}: added {Added}, changed {Changed}, left {Left}, handed over {Handed}: {Message}")]
    private static partial void LogOutcome(ILogger logger, DirectorySyncOutcomeKind kind, int added, int changed, int left, int handed, string message);

    [LoggerMessage(LogLevel.Warning, "Directory sync could not read WeCom's address book; nothing changed")]
    private static partial void LogUnavailable(ILogger logger, Exception ex);
}
