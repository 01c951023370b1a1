using GovBot.Data.People;
using GovBot.Data.Reports;
using GovBot.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data.Privacy;

/// <summary>
/// Erases a person on their request (PIPL art. 47) by anonymising rather than deleting: the rows that count for a
/// community's statistics (reports, bookings, check-ins, points, wishes) stay, tied to a person row that no longer
/// says who it was. Their reports keep category, place, status and times; the filer's name, contact, rating comment
/// and evidence photos go. Messages they sent keep only the dedup key and status.
/// </summary>
public static class PersonalDataEraser
{
    public const string ErasedName = "已注销";

    /// <summary>The WeCom user id an erased person is left with: unique, and never one WeCom hands out.</summary>
    public static string ErasedUserId(int personId) => $"erased-{personId}";

    /// <summary>Anonymises <paramref name="person"/> and records who did it, in one transaction.</summary>
    public static async Task<PersonalDataAudit> EraseAsync(
        this GovBotDb db, StoreWriteGate gate, Person person, Person actor, DateTimeOffset now, CancellationToken ct)
    {
        db.EnsureWritable();
        using var passage = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var oldUserId = person.WeComUserId;
        var newUserId = ErasedUserId(person.Id);
        var id = person.Id;

        var reportIds = db.Reports.Where(r => r.ReporterId == id).Select(r => r.Id);
        var photos = await db.ReportPhotos
            .Where(p => reportIds.Contains(p.ReportId) && p.Kind == ReportPhotoKind.Evidence)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Content, (byte[]?)null).SetProperty(p => p.PicUrl, (string?)null), ct);
        // What they did on their own reports (rated, added a word) stays as an event without them and without their words;
        // elsewhere (a staff member's work on others' reports) only their name goes, the work record stays.
        await db.ReportEvents.Where(e => e.ActorId == id && reportIds.Contains(e.ReportId))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Note, (string?)null), ct);
        await db.ReportEvents.Where(e => e.ActorId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorId, (int?)null), ct);
        var reports = await db.Reports.Where(r => r.ReporterId == id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ReporterId, (int?)null)
                .SetProperty(r => r.ExternalReporter, (string?)null)
                .SetProperty(r => r.ReporterContact, (string?)null)
                .SetProperty(r => r.RatingComment, (string?)null), ct);
        await db.ReportFollowers.Where(f => f.PersonId == id).ExecuteDeleteAsync(ct);

        var checkIns = await db.CheckIns.Where(c => c.PersonId == id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Name, ErasedName)
                .SetProperty(c => c.Phone, "")
                .SetProperty(c => c.Unit, (string?)null)
                .SetProperty(c => c.Room, (string?)null)
                .SetProperty(c => c.BuildingId, (int?)null)
                .SetProperty(c => c.WorkUnitName, (string?)null), ct);

        // Events' dedup keys embed the sender's user id (FromUserName+CreateTime+Event); a message's is WeCom's MsgId.
        // instr is SQLite's name for what PostgreSQL calls strpos.
        var messages = db.Database.IsPostgres()
            ? await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE "Inbox" SET "UserId" = {newUserId}, "PayloadXml" = '', "PassiveReply" = NULL, "Error" = NULL,
                    "DedupKey" = CASE WHEN strpos("DedupKey", {oldUserId}) > 0 THEN 'erased-' || "Id" ELSE "DedupKey" END
                WHERE "UserId" = {oldUserId}
                """, ct)
            : await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE "Inbox" SET "UserId" = {newUserId}, "PayloadXml" = '', "PassiveReply" = NULL, "Error" = NULL,
                    "DedupKey" = CASE WHEN instr("DedupKey", {oldUserId}) > 0 THEN 'erased-' || "Id" ELSE "DedupKey" END
                WHERE "UserId" = {oldUserId}
                """, ct);

        var tracked = await db.People.FirstAsync(p => p.Id == id, ct);
        tracked.WeComUserId = newUserId;
        tracked.Name = ErasedName;
        tracked.Phone = null;
        tracked.BuildingId = null;
        tracked.Unit = null;
        tracked.Room = null;
        tracked.PartyMemberKind = null;
        // No role survives: a staff member who asks to be forgotten leaves their duties with it.
        tracked.Roles = Roles.Resident;
        tracked.OnboardedAt = null;

        var audit = new PersonalDataAudit
        {
            Action = PersonalDataAction.Erase,
            At = now,
            ActorId = actor.Id,
            ActorWeComUserId = actor.WeComUserId,
            SubjectPersonId = id,
            Summary = $"报事 {reports} 条去标识，照片 {photos} 张删除，报到 {checkIns} 条去标识，消息 {messages} 条清空",
        };
        db.PersonalDataAudit.Add(audit);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return audit;
    }

    /// <summary>Records that <paramref name="actor"/> exported what is stored about <paramref name="subjectId"/>.</summary>
    public static async Task RecordExportAsync(this GovBotDb db, Person actor, int subjectId, DateTimeOffset now, CancellationToken ct)
    {
        db.PersonalDataAudit.Add(new PersonalDataAudit
        {
            Action = PersonalDataAction.Export, At = now, ActorId = actor.Id, ActorWeComUserId = actor.WeComUserId, SubjectPersonId = subjectId,
        });
        await db.SaveChangesAsync(ct);
    }
}
