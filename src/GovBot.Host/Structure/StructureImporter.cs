using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Store;
using GovBot.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Structure;

/// <summary>What apply did: the plan written, or why nothing was.</summary>
public sealed record ApplyOutcome(StructurePlan? Plan, string? Refusal, long? RecordId);

/// <summary>
/// Previews and applies a county workbook. Apply plans the same file again inside one transaction and writes only
/// when the plan matches the preview's digest, so a store that changed in between is never written blind. All or
/// nothing: while any row is refused, nothing is applied.
/// </summary>
public sealed class StructureImporter(IDbContextFactory<GovBotDb> dbs, StoreWriteGate gate, TimeProvider time)
{
    public async Task<StructurePlan> PreviewAsync(CountyWorkbook book, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var store = await StructureStore.LoadAsync(db, ct);
        return new StructurePlanner(book, store, time.GetUtcNow()).Plan();
    }

    public async Task<ApplyOutcome> ApplyAsync(CountyWorkbook book, string previewDigest, Person actor, CancellationToken ct)
    {
        // In-process writers wait at the gate instead of polling SQLite's lock for the few seconds this takes.
        using var passage = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.EnsureWritable();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var store = await StructureStore.LoadAsync(db, ct);
        var now = time.GetUtcNow();
        var planner = new StructurePlanner(book, store, now);
        var plan = planner.Plan();
        if (plan.Refusals.Count > 0) return new ApplyOutcome(plan, "表格里还有未通过检查的行，没有导入。请改好后重新上传。", null);
        if (plan.Digest() != previewDigest) return new ApplyOutcome(plan, "预览之后系统里的数据有了变化，请重新预览后再确认导入。", null);

        db.AddRange(planner.NewEntities);
        db.RemoveRange(planner.Removed);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        foreach (var (microGrid, lead) in planner.LeadsLater) microGrid.Lead = lead;
        db.ChangeTracker.DetectChanges();
        var record = new ImportRecord
        {
            Kind = ImportKind.Workbook, At = now, ActorId = actor.Id, ActorWeComUserId = actor.WeComUserId,
            Source = book.Source, Sha256 = book.Sha256,
            Added = plan.Added, Changed = plan.Changed, Unchanged = plan.Unchanged, Refused = 0, Summary = plan.Summary(),
        };
        db.ImportRecords.Add(record);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ApplyOutcome(plan, null, record.Id);
    }
}
