using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Wishes;
using GovBot.Skills.Conversation;
using GovBot.Skills.Points;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Wishes;

/// <summary>
/// The life of a 微心愿: posted → reviewed by staff → claimed by one party member → fulfilled → confirmed by the
/// resident, when the claimer's points follow. Each step tells the next person by push; changes and pushes are
/// saved together by the caller (the turn).
/// </summary>
public sealed class WishService(GovBotDb db, PointsLedger ledger, TimeProvider time)
{
    public const string SkillName = "wish";
    public const string CardTaskPrefix = "wish-";

    public Task<Wish?> FindAsync(int id, CancellationToken ct) =>
        db.Wishes.Include(w => w.Resident).Include(w => w.Claimer).FirstOrDefaultAsync(w => w.Id == id, ct);

    public async Task<Wish> PostAsync(Person resident, string description, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var wish = new Wish
        {
            Resident = resident, ResidentId = resident.Id, Description = description, CommunityId = resident.CommunityId!.Value,
            CompoundId = resident.CompoundId, Status = WishStatus.Pending, PostedAt = now,
        };
        db.Wishes.Add(wish);
        await db.SaveChangesAsync(ct);
        var staff = await db.People.Where(p => p.CommunityId == wish.CommunityId && (p.Roles & (Roles.Staff | Roles.Secretary)) != 0)
            .Select(p => p.WeComUserId).ToListAsync(ct);
        if (staff.Count > 0)
            await db.EnqueuePushAsync(new OutboxPush(new CardPart("微心愿待审核", $"{resident.Name}：{description}",
                [new CardButton($"{SkillName}:approve:{wish.Id}", "通过", Primary: true), new CardButton($"{SkillName}:return:{wish.Id}", "退回")],
                CardTaskPrefix + wish.Id), staff) { SourceKey = $"wish:{wish.Id}:card" }, now, ct);
        return wish;
    }

    public static bool CanReview(Wish wish, Person actor) =>
        actor.Has(Roles.CountyAdmin) || (actor.CommunityId == wish.CommunityId && (actor.Roles & (Roles.Staff | Roles.Secretary)) != 0);

    public async Task<WishOutcome> ApproveAsync(Wish wish, Person staff, string? responseCode, CancellationToken ct)
    {
        if (!CanReview(wish, staff)) return WishOutcome.No("只有本社区的工作人员可以审核心愿。");
        if (wish.Status != WishStatus.Pending) return WishOutcome.No("这个心愿已经审核过了。");
        var now = time.GetUtcNow();
        wish.Status = WishStatus.Open;
        (wish.ReviewedAt, wish.ReviewedById) = (now, staff.Id);
        await GreyCardAsync(wish, $"{staff.Name}已通过", responseCode, now, ct);
        await PushAsync(wish.Resident!, $"您的微心愿「{wish.Description}」已通过审核，正在等党员认领。", $"wish:{wish.Id}:approved", now, ct);
        return WishOutcome.Ok;
    }

    public async Task<WishOutcome> ReturnAsync(Wish wish, Person staff, string reason, string? responseCode, CancellationToken ct)
    {
        if (!CanReview(wish, staff)) return WishOutcome.No("只有本社区的工作人员可以审核心愿。");
        if (wish.Status != WishStatus.Pending) return WishOutcome.No("这个心愿已经审核过了。");
        var now = time.GetUtcNow();
        wish.Status = WishStatus.Returned;
        (wish.ReviewedAt, wish.ReviewedById, wish.ReturnReason) = (now, staff.Id, reason);
        await GreyCardAsync(wish, $"{staff.Name}已退回", responseCode, now, ct);
        await PushAsync(wish.Resident!, $"您的微心愿「{wish.Description}」没有通过：{reason}。有需要可以再发一个。", $"wish:{wish.Id}:returned", now, ct);
        return WishOutcome.Ok;
    }

    /// <summary>Wishes of the community waiting for its staff's review, oldest first, with who posted them.</summary>
    public Task<List<Wish>> PendingAsync(int communityId, CancellationToken ct) =>
        db.Wishes.AsNoTracking().Include(w => w.Resident).Include(w => w.Compound)
            .Where(w => w.CommunityId == communityId && w.Status == WishStatus.Pending)
            .OrderBy(w => w.PostedAt).ThenBy(w => w.Id).ToListAsync(ct);

    /// <summary>Open wishes of the member's community, oldest first.</summary>
    public Task<List<Wish>> OpenAsync(Person member, int count, CancellationToken ct) =>
        db.Wishes.AsNoTracking().Include(w => w.Compound)
            .Where(w => w.CommunityId == member.CommunityId && w.Status == WishStatus.Open)
            .OrderBy(w => w.PostedAt).ThenBy(w => w.Id).Take(count).ToListAsync(ct);

    public Task<List<Wish>> ClaimedByAsync(Person member, CancellationToken ct) =>
        db.Wishes.Include(w => w.Resident).Where(w => w.ClaimerId == member.Id && w.Status == WishStatus.Claimed)
            .OrderBy(w => w.ClaimedAt).ToListAsync(ct);

    /// <summary>
    /// One claimer each: the claim is a conditional update on an open, unclaimed row, so of two members
    /// claiming at once exactly one changes it.
    /// </summary>
    public async Task<WishOutcome> ClaimAsync(int wishId, Person member, CancellationToken ct)
    {
        if (!member.Has(Roles.PartyMember)) return WishOutcome.No("微心愿由党员认领。党员请先回复「报到」完成双报到。");
        var now = time.GetUtcNow();
        db.EnsureWritable();
        var won = await db.Wishes.Where(w => w.Id == wishId && w.Status == WishStatus.Open && w.ClaimerId == null && w.CommunityId == member.CommunityId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WishStatus.Claimed).SetProperty(w => w.ClaimerId, member.Id).SetProperty(w => w.ClaimedAt, now), ct);
        if (won == 0) return WishOutcome.No("这个心愿刚被别人认领了，看看别的吧。");
        var wish = (await FindAsync(wishId, ct))!;
        await db.Entry(wish).ReloadAsync(ct);
        await PushAsync(wish.Resident!, $"党员{member.Name}认领了您的微心愿「{wish.Description}」，会尽快联系您。", $"wish:{wish.Id}:claimed:{now.UtcTicks}", now, ct);
        return WishOutcome.Ok;
    }

    public async Task<WishOutcome> FulfilAsync(Wish wish, Person member, CancellationToken ct)
    {
        if (wish.ClaimerId != member.Id || wish.Status != WishStatus.Claimed) return WishOutcome.No("这个心愿不在您的认领中。");
        var now = time.GetUtcNow();
        wish.Status = WishStatus.Fulfilled;
        wish.FulfilledAt = now;
        await db.EnqueuePushAsync(new OutboxPush(new CardPart("微心愿完成了吗", $"党员{member.Name}说您的心愿「{wish.Description}」已经完成。请您确认一下。",
            [new CardButton($"{SkillName}:confirm:{wish.Id}", "确认完成", Primary: true)]), [wish.Resident!.WeComUserId])
            { SourceKey = $"wish:{wish.Id}:fulfilled" }, now, ct);
        return WishOutcome.Ok;
    }

    /// <summary>The resident confirms: the wish is done and the claimer earns the 微心愿 points (once, whatever taps follow).</summary>
    public async Task<WishOutcome> ConfirmAsync(Wish wish, Person resident, CancellationToken ct)
    {
        if (wish.ResidentId != resident.Id) return WishOutcome.No("只有许愿的居民本人可以确认。");
        if (wish.Status == WishStatus.Confirmed) return WishOutcome.No("已经确认过了，谢谢您。");
        if (wish.Status != WishStatus.Fulfilled || wish.Claimer is not { } claimer) return WishOutcome.No("这个心愿还没完成。");
        var now = time.GetUtcNow();
        wish.Status = WishStatus.Confirmed;
        wish.ConfirmedAt = now;
        var entry = await ledger.AwardAsync(new PointSource(PointSources.MicroWish, wish.Id.ToString(), claimer.Id, now, $"完成微心愿「{wish.Description}」"), ct);
        var thanks = $"{resident.Name}确认了您完成的微心愿「{wish.Description}」，谢谢您！" + (entry is null ? "" : $"红色账户加 {entry.Points} 分。");
        await PushAsync(claimer, thanks, $"wish:{wish.Id}:confirmed", now, ct);
        return WishOutcome.Ok;
    }

    /// <summary>
    /// Releases claims older than <paramref name="staleAfter"/> back to the list and reminds each claimer.
    /// For the scheduler to call; saves, and returns the released wishes.
    /// </summary>
    public async Task<IReadOnlyList<Wish>> ReleaseStaleClaimsAsync(TimeSpan staleAfter, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var cutoff = now - staleAfter;
        var stale = await db.Wishes.Include(w => w.Claimer)
            .Where(w => w.Status == WishStatus.Claimed && w.ClaimedAt < cutoff).ToListAsync(ct);
        foreach (var wish in stale)
        {
            var claimer = wish.Claimer!;
            await PushAsync(claimer, $"您认领的微心愿「{wish.Description}」{(int)staleAfter.TotalDays}天没有完成，已放回心愿墙让别的党员认领。还想帮忙的话，回复「认领心愿」再认领。",
                $"wish:{wish.Id}:released:{wish.ClaimedAt!.Value.UtcTicks}", now, ct);
            wish.Status = WishStatus.Open;
            (wish.ClaimerId, wish.Claimer, wish.ClaimedAt) = (null, null, null);
            wish.Releases++;
        }
        await db.SaveChangesAsync(ct);
        return stale;
    }

    private async Task GreyCardAsync(Wish wish, string text, string? responseCode, DateTimeOffset now, CancellationToken ct)
    {
        if (responseCode is not null)
            await db.EnqueuePushAsync(new OutboxPush(new CardUpdate(CardTaskPrefix + wish.Id, text, responseCode), []) { SourceKey = $"wish:{wish.Id}:card-reviewed" }, now, ct);
    }

    private Task PushAsync(Person to, string text, string key, DateTimeOffset now, CancellationToken ct) =>
        db.EnqueuePushAsync(new OutboxPush(new TextPart(text), [to.WeComUserId]) { SourceKey = key }, now, ct);
}
