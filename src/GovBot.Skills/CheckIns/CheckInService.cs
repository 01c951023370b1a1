using GovBot.Data;
using GovBot.Data.CheckIns;
using GovBot.Data.People;
using GovBot.Data.Store;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.CheckIns;

/// <summary>What a member (or a roster row) submits.</summary>
public sealed record CheckInDraft(string Name, PartyMemberKind Kind, int CompoundId, string Phone)
{
    public int? BuildingId { get; init; }
    public string? Unit { get; init; }
    public string? Room { get; init; }
    public int? WorkUnitId { get; init; }
    public string? WorkUnitName { get; init; }
    public string? PartyOrganisationName { get; init; }
    public IReadOnlyList<string> Services { get; init; } = [];
    public string Source { get; init; } = "wecom";
}

/// <summary>The outcome of a review; <see cref="Refusal"/> says why not, in Chinese.</summary>
public sealed record ReviewOutcome(bool Done, string? Refusal = null)
{
    public static readonly ReviewOutcome Ok = new(true);
    public static ReviewOutcome No(string why) => new(false, why);
}

/// <summary>
/// The life of a check-in: submit (closing the member's earlier one), approve (linking the member to the
/// compound branch and grid group) or return with a reason, each with an event row and the pushes that
/// tell the people concerned. Changes join the caller's unit of work. A check-in naming a unit not yet in
/// the store reaches staff marked as a new unit, with the closest existing names beside it.
/// </summary>
public sealed class CheckInService(GovBotDb db, TimeProvider time, WorkUnitDirectory? units = null)
{
    private readonly WorkUnitDirectory _units = units ?? new WorkUnitDirectory(db);

    public const string CardTaskPrefix = "checkin-";
    /// <summary>WeCom ids given to people of an imported roster the bot has not met; nothing is pushed to them.</summary>
    public const string RosterPrefix = "roster-";

    public static bool Reachable(Person person) => !person.WeComUserId.StartsWith(RosterPrefix, StringComparison.Ordinal);

    public Task<CheckIn?> ActiveAsync(int personId, CancellationToken ct) => Active.For(db)(db, personId, ct);

    // Asked by every 我的上报; compiled once, it skips EF's per-call look at the expression tree. Includes as Query().
    private static readonly ModelQuery<Func<GovBotDb, int, CancellationToken, Task<CheckIn?>>> Active = new(() =>
        EF.CompileAsyncQuery((GovBotDb db, int personId, CancellationToken ct) => db.CheckIns
            .Include(c => c.Person).Include(c => c.WorkUnit).Include(c => c.Community).Include(c => c.Compound).Include(c => c.Building)
            .Include(c => c.ReviewedBy).Include(c => c.CompoundBranch).Include(c => c.GridGroup)
            .FirstOrDefault(c => c.PersonId == personId && c.Status != CheckInStatus.Closed)));

    public Task<CheckIn?> FindAsync(int id, CancellationToken ct) => Query().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>
    /// Writes a new pending check-in. An earlier one that is still open is closed first, with today's date:
    /// a member who moved re-registers and the history stays.
    /// </summary>
    public async Task<CheckIn> SubmitAsync(Person person, CheckInDraft draft, CancellationToken ct, bool notifyStaff = true)
    {
        var now = time.GetUtcNow();
        var compound = await db.Compounds.FirstAsync(c => c.Id == draft.CompoundId, ct);
        if (await db.CheckIns.FirstOrDefaultAsync(c => c.PersonId == person.Id && c.Status != CheckInStatus.Closed, ct) is { } old)
        {
            old.Status = CheckInStatus.Closed;
            old.ClosedAt = now;
            old.CloseReason = old.CompoundId == draft.CompoundId ? "重新报到" : "搬家后重新报到";
            old.Events.Add(new CheckInEvent { Kind = CheckInEventKind.Closed, ActorId = person.Id, Note = old.CloseReason, At = now });
            // Saved before the new row: the filtered unique index allows one open check-in at any moment.
            await db.SaveChangesAsync(ct);
        }

        // Someone on an imported roster now writes to the bot themselves: their roster entry gives way to this one.
        if (Reachable(person))
        {
            var rosterId = RosterPrefix + draft.Phone;
            foreach (var stale in await db.CheckIns.Where(c => c.Person!.WeComUserId == rosterId && c.Status != CheckInStatus.Closed).ToListAsync(ct))
            {
                stale.Status = CheckInStatus.Closed;
                stale.ClosedAt = now;
                stale.CloseReason = "本人在企业微信上重新报到";
                stale.Events.Add(new CheckInEvent { Kind = CheckInEventKind.Closed, ActorId = person.Id, Note = stale.CloseReason, At = now });
            }
        }

        var checkIn = new CheckIn
        {
            PersonId = person.Id,
            Person = person,
            Name = draft.Name,
            Kind = draft.Kind,
            WorkUnitId = draft.WorkUnitId,
            WorkUnitName = draft.WorkUnitId is null ? draft.WorkUnitName : null,
            PartyOrganisationName = draft.PartyOrganisationName,
            CommunityId = compound.CommunityId,
            CompoundId = compound.Id,
            BuildingId = draft.BuildingId,
            Unit = draft.Unit,
            Room = draft.Room,
            Phone = draft.Phone,
            Services = string.Join('|', draft.Services),
            Status = CheckInStatus.Pending,
            SubmittedAt = now,
            Source = draft.Source,
        };
        checkIn.Events.Add(new CheckInEvent { Kind = CheckInEventKind.Submitted, ActorId = person.Id, At = now });
        db.CheckIns.Add(checkIn);
        await db.SaveChangesAsync(ct);
        await LoadAsync(checkIn, ct);

        if (notifyStaff)
        {
            var staff = await StaffAsync(checkIn.CommunityId, ct);
            if (staff.Count > 0)
                await db.EnqueuePushAsync(new OutboxPush(StaffCard(checkIn, await CloseUnitsAsync(checkIn, ct)), staff) { SourceKey = $"checkin:{checkIn.Id}:card" }, now, ct);
        }
        return checkIn;
    }

    public static bool CanReview(CheckIn checkIn, Person actor) =>
        actor.Has(Roles.CountyAdmin)
        || (actor.CommunityId == checkIn.CommunityId && (actor.Roles & (Roles.Staff | Roles.Secretary)) != 0);

    public async Task<ReviewOutcome> ApproveAsync(CheckIn checkIn, Person actor, string? responseCode, CancellationToken ct, bool notify = true)
    {
        if (!CanReview(checkIn, actor)) return ReviewOutcome.No("只有本社区的工作人员可以审核报到。");
        if (checkIn.Status != CheckInStatus.Pending) return AlreadyReviewed(checkIn);

        var now = time.GetUtcNow();
        var gridId = checkIn.BuildingId is { } b
            ? await db.Buildings.Where(x => x.Id == b).Select(x => x.MicroGrid != null ? (int?)x.MicroGrid.GridId : null).FirstOrDefaultAsync(ct)
            : null;
        var organisations = await db.PartyOrganisations.Where(o => o.CommunityId == checkIn.CommunityId).ToListAsync(ct);
        var branch = organisations.FirstOrDefault(o => o.Kind == PartyOrganisationKind.CompoundBranch && o.CompoundId == checkIn.CompoundId)
            ?? organisations.FirstOrDefault(o => o.Kind == PartyOrganisationKind.CompoundBranch && gridId != null && o.GridId == gridId);
        var group = gridId is null ? null : organisations.FirstOrDefault(o => o.Kind == PartyOrganisationKind.GridGroup && o.GridId == gridId);

        checkIn.Status = CheckInStatus.Approved;
        checkIn.ReviewedAt = now;
        checkIn.ReviewedById = actor.Id;
        checkIn.ReviewedBy = actor;
        checkIn.CompoundBranchId = branch?.Id;
        checkIn.CompoundBranch = branch;
        checkIn.GridGroupId = group?.Id;
        checkIn.GridGroup = group;
        checkIn.ReturnReason = null;
        checkIn.Events.Add(new CheckInEvent { Kind = CheckInEventKind.Approved, ActorId = actor.Id, At = now });

        // The member is now known as a party member of this kind, living where they checked in.
        var member = checkIn.Person ?? await db.People.FirstAsync(p => p.Id == checkIn.PersonId, ct);
        member.Roles |= Roles.PartyMember;
        member.PartyMemberKind = checkIn.Kind;
        member.Name = checkIn.Name;
        member.Phone = checkIn.Phone;
        member.CommunityId = checkIn.CommunityId;
        member.CompoundId = checkIn.CompoundId;
        member.BuildingId = checkIn.BuildingId;
        member.Unit = checkIn.Unit;
        member.Room = checkIn.Room;
        member.OnboardedAt ??= now;

        if (responseCode is not null)
            await db.EnqueuePushAsync(new OutboxPush(new CardUpdate(CardTaskPrefix + checkIn.Id, $"{actor.Name}已通过", responseCode), [])
                { SourceKey = $"checkin:{checkIn.Id}:card-approved" }, now, ct);
        if (notify && Reachable(member))
        {
            var joined = string.Join("、", new[] { branch?.Name, group?.Name }.OfType<string>());
            var text = $"您的双报到已通过审核（{checkIn.Compound?.Name}）。"
                + (joined.Length > 0 ? $"已编入{joined}，" : "")
                + "社区有志愿服务会推送给您。说「我的报到」可以随时查看。";
            await db.EnqueuePushAsync(new OutboxPush(new TextPart(text), [member.WeComUserId]) { SourceKey = $"checkin:{checkIn.Id}:approved" }, now, ct);
        }
        return ReviewOutcome.Ok;
    }

    public async Task<ReviewOutcome> ReturnAsync(CheckIn checkIn, Person actor, string reason, string? responseCode, CancellationToken ct)
    {
        if (!CanReview(checkIn, actor)) return ReviewOutcome.No("只有本社区的工作人员可以审核报到。");
        if (checkIn.Status != CheckInStatus.Pending) return AlreadyReviewed(checkIn);
        var now = time.GetUtcNow();
        checkIn.Status = CheckInStatus.Returned;
        checkIn.ReturnReason = reason.Length > 500 ? reason[..500] : reason;
        checkIn.ReviewedAt = now;
        checkIn.ReviewedById = actor.Id;
        checkIn.ReviewedBy = actor;
        checkIn.Events.Add(new CheckInEvent { Kind = CheckInEventKind.Returned, ActorId = actor.Id, Note = checkIn.ReturnReason, At = now });

        if (responseCode is not null)
            await db.EnqueuePushAsync(new OutboxPush(new CardUpdate(CardTaskPrefix + checkIn.Id, $"{actor.Name}已退回", responseCode), [])
                { SourceKey = $"checkin:{checkIn.Id}:card-returned" }, now, ct);
        var member = checkIn.Person ?? await db.People.FirstAsync(p => p.Id == checkIn.PersonId, ct);
        if (!Reachable(member)) return ReviewOutcome.Ok;
        await db.EnqueuePushAsync(new OutboxPush(
            new TextPart($"您的双报到被社区退回了，原因：{checkIn.ReturnReason}。说「我要报到」可以修改后重新提交。"), [member.WeComUserId])
            { SourceKey = $"checkin:{checkIn.Id}:returned" }, now, ct);
        return ReviewOutcome.Ok;
    }

    /// <summary>WeCom ids of the community's staff and secretaries, who review its check-ins.</summary>
    public Task<List<string>> StaffAsync(int communityId, CancellationToken ct) =>
        db.People.Where(p => p.CommunityId == communityId && (p.Roles & (Roles.Staff | Roles.Secretary)) != 0)
            .OrderBy(p => p.Id).Select(p => p.WeComUserId).ToListAsync(ct);

    private static ReviewOutcome AlreadyReviewed(CheckIn c) => ReviewOutcome.No(c.Status switch
    {
        CheckInStatus.Approved => $"{c.Name}的报到已由{c.ReviewedBy?.Name ?? "其他工作人员"}审核通过了。",
        CheckInStatus.Returned => $"{c.Name}的报到已由{c.ReviewedBy?.Name ?? "其他工作人员"}退回了。",
        _ => $"{c.Name}的这次报到已经关闭（本人重新报到了）。",
    });

    /// <summary>For a check-in naming a new unit, the existing units closest to it; null when its unit is in the store (or none is given).</summary>
    public async Task<IReadOnlyList<string>?> CloseUnitsAsync(CheckIn c, CancellationToken ct) =>
        CheckInWording.NamesNewUnit(c) ? await _units.CloseToAsync(c.WorkUnitName!, c.CompoundId, ct) : null;

    /// <param name="closeUnits">From <see cref="CloseUnitsAsync"/>: a new unit is flagged for staff to check its name.</param>
    public static CardPart StaffCard(CheckIn c, IReadOnlyList<string>? closeUnits = null) => new(
        "党员双报到待审核",
        CheckInWording.Describe(c, closeUnits: closeUnits) + $"\n提交时间：{CheckInWording.Date(c.SubmittedAt)}",
        [new CardButton($"{CheckInReviewSkill.SkillName}:approve:{c.Id}", "通过", Primary: true), new CardButton($"{CheckInReviewSkill.SkillName}:return:{c.Id}", "退回")],
        CardTaskPrefix + c.Id);

    public IQueryable<CheckIn> Query() => db.CheckIns
        .Include(c => c.Person).Include(c => c.WorkUnit).Include(c => c.Community).Include(c => c.Compound).Include(c => c.Building)
        .Include(c => c.ReviewedBy).Include(c => c.CompoundBranch).Include(c => c.GridGroup);

    private async Task LoadAsync(CheckIn c, CancellationToken ct)
    {
        var entry = db.Entry(c);
        await entry.Reference(x => x.Community).LoadAsync(ct);
        await entry.Reference(x => x.Compound).LoadAsync(ct);
        await entry.Reference(x => x.Building).LoadAsync(ct);
        await entry.Reference(x => x.WorkUnit).LoadAsync(ct);
    }
}
