using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Reference;
using GovBot.Data.Reports;
using GovBot.Data.Store;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Reports;

/// <summary>What a resident (or an Open311 client) files.</summary>
public sealed record NewReport(int CategoryId, string Description, int CommunityId)
{
    public int? CompoundId { get; init; }
    public int? BuildingId { get; init; }
    public string? PlaceNote { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? LocationLabel { get; init; }
    public string? MediaUrl { get; init; }
    public IReadOnlyList<(string MediaId, string? PicUrl)> Photos { get; init; } = [];
    /// <summary>Voices not transcribed, videos and files sent while filing; fetched later like the photos.</summary>
    public IReadOnlyList<(string MediaId, ReportMediaKind Media, string? FileName)> Attachments { get; init; } = [];
    public string Source { get; init; } = "wecom";
    public string? ExternalReporter { get; init; }
    public string? ReporterContact { get; init; }
}

/// <summary>The outcome of asking to move a report; <see cref="Refusal"/> says why not, in Chinese.</summary>
public sealed record Transition(bool Done, string? Refusal = null)
{
    public static readonly Transition Ok = new(true);
    public static Transition No(string why) => new(false, why);
}

/// <summary>
/// The life of a report, 说事→协商→办理→评价: filing, routing to grid workers, every permitted move with an
/// event row, and the pushes that tell the people concerned. Changes join the caller's unit of work;
/// the caller saves.
/// </summary>
public sealed partial class ReportService(GovBotDb db, ReportRouting routing, ReferenceData reference, TimeProvider time, IOptions<ReportOptions> options)
{
    public const string CardTaskPrefix = "report-";
    /// <summary>The action of a handover's event row; the deadline sweep restarts the accept clock there.</summary>
    public const string HandOverAction = "转交";

    /// <summary>
    /// Files the report with its first event and the grid workers' card in one save. Runs in the caller's write
    /// transaction (a commit group's), or in one of its own.
    /// </summary>
    public async Task<Report> FileAsync(NewReport draft, Person? reporter, CancellationToken ct)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var now = time.GetUtcNow();
        var route = await routing.RouteAsync(draft.CommunityId, draft.CompoundId, draft.BuildingId, ct);
        var id = await ReportIds.NextAsync(db, ct);
        var report = new Report
        {
            Id = id,
            Ticket = options.Value.TicketPrefix + (1000 + id),
            Reporter = reporter,
            ExternalReporter = draft.ExternalReporter,
            ReporterContact = draft.ReporterContact,
            CategoryId = draft.CategoryId,
            Description = draft.Description,
            CommunityId = draft.CommunityId,
            CompoundId = draft.CompoundId,
            BuildingId = draft.BuildingId,
            PlaceNote = draft.PlaceNote,
            Latitude = draft.Latitude,
            Longitude = draft.Longitude,
            LocationLabel = draft.LocationLabel,
            MediaUrl = draft.MediaUrl,
            GridId = route.GridId,
            Status = ReportStatus.Reported,
            CreatedAt = now,
            UpdatedAt = now,
            Source = draft.Source,
        };
        foreach (var (mediaId, picUrl) in draft.Photos)
            report.Photos.Add(new ReportPhoto { MediaId = mediaId, PicUrl = picUrl });
        foreach (var (mediaId, media, fileName) in draft.Attachments)
            report.Photos.Add(new ReportPhoto { MediaId = mediaId, Media = media, FileName = fileName });
        report.Events.Add(new ReportEvent { To = ReportStatus.Reported, Actor = reporter, Action = "上报", Note = draft.Description, At = now });
        db.Reports.Add(report);

        await PushAsync(route.Workers, WorkerCard(report, await NamesAsync(draft, ct)), $"report:{report.Id}:card", ct);
        await db.SaveChangesAsync(ct);
        if (own is not null) await own.CommitAsync(ct);
        return report;
    }

    /// <summary>What a new report's card names, from the reference data in memory rather than read back.</summary>
    private async Task<(string Category, string Place)> NamesAsync(NewReport draft, CancellationToken ct)
    {
        var places = await reference.GetAsync(ct);
        var category = places.Categories.FirstOrDefault(c => c.Id == draft.CategoryId)?.Name
            ?? await db.ReportCategories.Where(c => c.Id == draft.CategoryId).Select(c => c.Name).SingleAsync(ct);
        var compound = draft.CompoundId is { } c ? places.Compound(c)?.Name : null;
        var building = draft.BuildingId is { } b ? places.Building(b)?.Name : null;
        var place = ReportWording.Place(compound, building, draft.PlaceNote, draft.LocationLabel)
            ?? await db.Communities.Where(x => x.Id == draft.CommunityId).Select(x => x.Name).SingleAsync(ct);
        return (category, place);
    }

    public Task<Report?> FindAsync(int id, CancellationToken ct) => Query().FirstOrDefaultAsync(r => r.Id == id, ct);

    public Task<Report?> FindByTicketAsync(string ticket, CancellationToken ct) =>
        Query().FirstOrDefaultAsync(r => r.Ticket == ticket.ToUpperInvariant(), ct);

    /// <summary>Reports the person filed or follows, newest first, to show (not tracked).</summary>
    public async Task<List<Report>> MineAsync(Person person, int take, CancellationToken ct)
    {
        // "Id IN (…)" rather than EXISTS: SQLite then finds both kinds by index instead of reading every report,
        // which made 我的上报 slower with each report the county ever filed. The newest ids first, then only those
        // reports with their category and place, rather than six tables joined to all of a member's reports.
        var ids = await MineNewestFirst.For(db)(db, person.Id, take).ToListAsync(ct);
        if (ids.Count == 0) return [];
        var rows = await ToShow.For(db)(db, [.. ids]).ToDictionaryAsync(r => r.Id, cancellationToken: ct);
        // A report gone between the two reads is left out.
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id])];
    }

    /// <summary>When each of these reports was last handed over; a report never handed over is not in the answer.</summary>
    public async Task<Dictionary<int, DateTimeOffset>> LastHandoversAsync(IReadOnlyCollection<int> reportIds, CancellationToken ct)
    {
        if (reportIds.Count == 0) return [];
        var ids = reportIds.ToList();
        // The times are compared after reading: they are stored as UTC ticks through a converter SQL cannot aggregate.
        var rows = await db.ReportEvents.AsNoTracking()
            .Where(e => ids.Contains(e.ReportId) && e.Action == HandOverAction)
            .Select(e => new { e.ReportId, e.At }).ToListAsync(ct);
        return rows.GroupBy(r => r.ReportId).ToDictionary(g => g.Key, g => g.Max(r => r.At));
    }

    public async Task<Transition> JoinAsync(Report report, Person person, CancellationToken ct)
    {
        if (report.ReporterId == person.Id || report.Followers.Any(f => f.PersonId == person.Id))
            return Transition.No($"您已经在跟进 {report.Ticket} 了。");
        var now = time.GetUtcNow();
        report.Followers.Add(new ReportFollower { PersonId = person.Id, JoinedAt = now });
        report.Events.Add(new ReportEvent { From = report.Status, To = report.Status, ActorId = person.Id, Action = "邻居加入跟进", At = now });
        report.UpdatedAt = now;
        if (report.Reporter is { } first)
            await PushAsync([first], new TextPart($"又有一位邻居反映了同样的问题（{report.Ticket}），我们会一起跟进，有进展会告诉你们。"),
                Key(report, "joined:" + person.Id), ct);
        return Transition.Ok;
    }

    public async Task<Transition> AcceptAsync(Report report, Person actor, string? responseCode, CancellationToken ct)
    {
        if (report.Status != ReportStatus.Reported)
            return Transition.No(report.Assignee is { } a && report.Status != ReportStatus.Rejected
                ? $"{report.Ticket} 已由{a.Name}受理了。"
                : $"{report.Ticket} 现在是「{ReportWording.Status(report.Status)}」，不能再受理。");
        var grid = await WorkableGridAsync(report, actor, ct);
        if (grid is null && !IsCommunityStaff(report, actor)) return Transition.No($"{report.Ticket} 不在您负责的网格，不能受理。");

        Move(report, ReportStatus.Accepted, actor, "受理");
        report.GridId ??= grid;
        report.AssigneeId = actor.Id;
        report.Assignee = actor;
        report.AcceptedAt = report.UpdatedAt;
        if (responseCode is not null)
            await PushAsync([], new CardUpdate(CardTaskId(report), $"{actor.Name}已受理", responseCode), Key(report, "card-accepted"), ct);
        await PushAsync([actor], AssigneeCard(report), Key(report, "work"), ct);
        await NotifyResidentsAsync(report, $"您反映的问题（{report.Ticket} {report.Category!.Name}）{Title(actor, grid)}{actor.Name}已受理，会尽快处理。", ct);
        return Transition.Ok;
    }

    /// <summary>How the resident hears of who accepted: the grid's own worker, or the community's or county's staff who stepped in.</summary>
    private static string Title(Person actor, int? workedGrid) =>
        workedGrid is not null && actor.Has(Roles.GridWorker) ? "网格员"
        : actor.Has(Roles.Secretary) ? "社区书记"
        : actor.Has(Roles.CountyAdmin) ? "县里的工作人员"
        : actor.Has(Roles.Staff) ? "社区工作人员"
        : "工作人员";

    public async Task<Transition> HandOverAsync(Report report, Person actor, HandoverTarget target, int? gridId, CancellationToken ct)
    {
        if (!report.IsOpen) return Transition.No($"{report.Ticket} 已经{ReportWording.Status(report.Status)}，不能转交。");
        if (!await CanWorkAsync(report, actor, ct)) return Transition.No($"{report.Ticket} 不归您处理，不能转交。");

        string name;
        IReadOnlyList<Person> recipients;
        switch (target)
        {
            case HandoverTarget.Grid:
                var grid = await db.Grids.FirstOrDefaultAsync(g => g.Id == gridId && g.CommunityId == report.CommunityId, ct);
                if (grid is null) return Transition.No("没有找到这个网格。");
                if (grid.Id == report.GridId) return Transition.No($"{report.Ticket} 本来就在{grid.Name}。");
                report.GridId = grid.Id;
                name = grid.Name;
                recipients = await routing.GridWorkersAsync(grid.Id, ct);
                break;
            case HandoverTarget.PropertyManager:
                var pm = report.CompoundId is { } c
                    ? await db.Compounds.Where(x => x.Id == c).Select(x => x.PropertyManager).FirstOrDefaultAsync(ct)
                    : null;
                if (pm is null) return Transition.No("这个小区没有登记物业，换个去处吧。");
                name = pm.Name + (pm.Phone is { } phone ? $"（电话 {phone}）" : "");
                recipients = [];
                break;
            default:
                name = report.Community!.Name;
                recipients = await routing.CommunityStaffAsync(report.CommunityId, ct);
                break;
        }

        Move(report, ReportStatus.Reported, actor, HandOverAction, name);
        report.HandedTo = target;
        report.HandedToName = name;
        report.AssigneeId = null;
        report.Assignee = null;
        // The new holder gets its own time limits: the deadline sweep starts the accept clock at this handover.
        report.AcceptedAt = null;
        report.AcceptEscalatedAt = null;
        report.HandleEscalatedAt = null;
        // Property companies work outside WeCom: once handed over, the community follows it up by phone,
        // and the handle limit runs from now so a stalled property company still reaches the secretary.
        if (target == HandoverTarget.PropertyManager)
        {
            Move(report, ReportStatus.Accepted, actor, "物业处理中", name);
            report.AcceptedAt = report.UpdatedAt;
        }
        if (recipients.Count > 0)
            await PushAsync(recipients.Where(p => p.Id != actor.Id).ToList(), WorkerCard(report, (report.Category!.Name, ReportWording.Place(report))),
                Key(report, "handover-card"), ct);
        await NotifyResidentsAsync(report, $"您反映的问题（{report.Ticket}）已转交{name}处理。", ct);
        return Transition.Ok;
    }

    public async Task<Transition> DeliberateAsync(Report report, Person actor, string venue, CancellationToken ct)
    {
        if (report.Status != ReportStatus.Accepted) return Transition.No($"{report.Ticket} 要先受理，才能提交协商。");
        if (!await CanWorkAsync(report, actor, ct)) return Transition.No($"{report.Ticket} 不归您处理。");
        Move(report, ReportStatus.Deliberating, actor, "提交协商", venue);
        report.DeliberationVenue = venue;
        await NotifyResidentsAsync(report, $"您反映的问题（{report.Ticket}）需要大家商量着解决，已列入{venue}议题，商量出结果会告诉您。", ct);
        return Transition.Ok;
    }

    public async Task<Transition> HandleAsync(Report report, Person actor, string result, IReadOnlyList<string> photoMediaIds, CancellationToken ct)
    {
        if (report.Status is not (ReportStatus.Accepted or ReportStatus.Deliberating))
            return Transition.No($"{report.Ticket} 现在是「{ReportWording.Status(report.Status)}」，不能办结。");
        if (!await CanWorkAsync(report, actor, ct)) return Transition.No($"{report.Ticket} 不归您处理，不能办结。");
        Move(report, ReportStatus.Handled, actor, "办结", result);
        report.ResultNote = result;
        report.HandledAt = report.UpdatedAt;
        foreach (var media in photoMediaIds)
            report.Photos.Add(new ReportPhoto { MediaId = media, Kind = ReportPhotoKind.Result });

        var card = new CardPart($"{report.Ticket} 已办结",
            $"{report.Category!.Name}｜{ReportWording.Place(report)}\n处理结果：{result}\n您满意吗？点一下就行。",
            [.. Enumerable.Range(1, 5).Reverse().Select(s => new CardButton($"reports:rate:{report.Id}:{s}", ReportWording.Stars(s), s == 5))],
            $"{CardTaskPrefix}{report.Id}-rate");
        if (report.Reporter is { } reporter) await PushAsync([reporter], card, Key(report, "rate-card"), ct);
        var followers = await FollowersAsync(report, ct);
        if (followers.Count > 0)
            await PushAsync(followers, new TextPart($"您跟进的问题（{report.Ticket}）已办结：{result}"), Key(report, "handled-followers"), ct);
        return Transition.Ok;
    }

    public async Task<Transition> RejectAsync(Report report, Person actor, string reason, CancellationToken ct)
    {
        if (!report.IsOpen) return Transition.No($"{report.Ticket} 已经{ReportWording.Status(report.Status)}，不能驳回。");
        if (!await CanWorkAsync(report, actor, ct)) return Transition.No($"{report.Ticket} 不归您处理，不能驳回。");
        Move(report, ReportStatus.Rejected, actor, "驳回", reason);
        report.RejectReason = reason;
        report.ClosedAt = report.UpdatedAt;
        await NotifyResidentsAsync(report, $"您反映的问题（{report.Ticket}）没能受理：{reason}。有疑问可以问「我们的网格员是谁」，直接联系网格员。", ct);
        return Transition.Ok;
    }

    public Task<Transition> RateAsync(Report report, Person person, int stars, CancellationToken ct)
    {
        if (report.ReporterId != person.Id) return Task.FromResult(Transition.No("只有反映问题的居民本人可以评价。"));
        if (report.Status == ReportStatus.Rated) return Task.FromResult(Transition.No($"{report.Ticket} 已经评价过了，谢谢您。"));
        if (report.Status != ReportStatus.Handled) return Task.FromResult(Transition.No($"{report.Ticket} 还没办结，办好了再请您评价。"));
        if (stars is < 1 or > 5) return Task.FromResult(Transition.No("请选 1 到 5 星。"));
        Move(report, ReportStatus.Rated, person, "评价", ReportWording.Stars(stars));
        report.Stars = stars;
        report.ClosedAt = report.UpdatedAt;
        return Task.FromResult(Transition.Ok);
    }

    public void AddRatingComment(Report report, string comment)
    {
        report.RatingComment = comment.Length > 500 ? comment[..500] : comment;
        report.Events.Add(new ReportEvent { From = report.Status, To = report.Status, ActorId = report.ReporterId, Action = "评价留言", Note = report.RatingComment, At = time.GetUtcNow() });
    }

    /// <summary>The rating period passed without a rating: the result counts as accepted.</summary>
    public void AcceptWithoutRating(Report report)
    {
        Move(report, ReportStatus.Rated, null, "超过评价期限，视为认可");
        report.RatedAutomatically = true;
        report.ClosedAt = report.UpdatedAt;
    }

    /// <summary>The assigned worker, a grid worker of the report's grid, or staff of its community.</summary>
    public async Task<bool> CanWorkAsync(Report report, Person actor, CancellationToken ct) =>
        report.AssigneeId == actor.Id || IsCommunityStaff(report, actor) || await WorkableGridAsync(report, actor, ct) is not null;

    public static string CardTaskId(Report report) => CardTaskPrefix + report.Id;

    private static bool IsCommunityStaff(Report report, Person actor) =>
        actor.Has(Roles.CountyAdmin) || (actor.CommunityId == report.CommunityId && (actor.Roles & (Roles.Staff | Roles.Secretary)) != 0);

    /// <summary>The report's grid if the actor works it; for a report spanning several grids, the one of the actor's among them.</summary>
    private async Task<int?> WorkableGridAsync(Report report, Person actor, CancellationToken ct)
    {
        if (!actor.Has(Roles.GridWorker) || report.HandedTo == HandoverTarget.Community) return null;
        var mine = await db.GridWorkers.Where(w => w.PersonId == actor.Id).Select(w => w.GridId).ToListAsync(ct);
        if (report.GridId is { } g) return mine.Contains(g) ? g : null;
        var route = await routing.RouteAsync(report.CommunityId, report.CompoundId, report.BuildingId, ct);
        return route.Workers.Any(w => w.Id == actor.Id)
            ? await db.GridWorkers.Where(w => w.PersonId == actor.Id).Select(w => (int?)w.GridId).FirstOrDefaultAsync(ct)
            : null;
    }

    private void Move(Report report, ReportStatus to, Person? actor, string action, string? note = null)
    {
        var now = time.GetUtcNow();
        report.Events.Add(new ReportEvent { From = report.Status, To = to, ActorId = actor?.Id, Action = action, Note = note, At = now });
        report.Status = to;
        report.UpdatedAt = now;
    }

    private async Task NotifyResidentsAsync(Report report, string text, CancellationToken ct)
    {
        var people = await FollowersAsync(report, ct);
        if (report.Reporter is { } reporter) people.Insert(0, reporter);
        if (people.Count > 0) await PushAsync(people, new TextPart(text), Key(report, "status-" + report.Status), ct);
    }

    private Task<List<Person>> FollowersAsync(Report report, CancellationToken ct) =>
        db.ReportFollowers.Where(f => f.ReportId == report.Id).Select(f => f.Person!).ToListAsync(ct);

    private async Task PushAsync(IReadOnlyList<Person> to, ReplyPart part, string sourceKey, CancellationToken ct)
    {
        if (to.Count == 0 && part is not CardUpdate) return;
        await db.EnqueuePushAsync(new OutboxPush(part, to.Select(p => p.WeComUserId).Distinct().ToList()) { SourceKey = sourceKey }, time.GetUtcNow(), ct);
    }

    /// <summary>One push per report, purpose and moment: a turn retried after a failed commit cannot push twice.</summary>
    private static string Key(Report report, string purpose) => $"report:{report.Id}:{purpose}:{report.UpdatedAt.UtcTicks}";

    private static CardPart WorkerCard(Report r, (string Category, string Place) names) => new(
        $"居民反映 {r.Ticket}",
        $"{names.Category}｜{names.Place}\n{Quote.Short(r.Description)}\n反映人：{ReportWording.MaskName(r.Reporter?.Name ?? r.ExternalReporter)}　{ReportWording.Local(r.CreatedAt)}"
            + ReportWording.Attachments(r.Photos),
        [new CardButton($"casework:accept:{r.Id}", "受理", Primary: true), new CardButton($"casework:handover:{r.Id}", "转交")],
        CardTaskId(r));

    private static CardPart AssigneeCard(Report r) => new(
        $"{r.Ticket} 已由您受理",
        $"{r.Category!.Name}｜{ReportWording.Place(r)}\n{Quote.Short(r.Description)}\n处理好后点「办结」，需要大家商量的点「协商」。",
        [
            new CardButton($"casework:handle:{r.Id}", "办结", Primary: true),
            new CardButton($"casework:deliberate:{r.Id}", "协商"),
            new CardButton($"casework:handover:{r.Id}", "转交"),
            new CardButton($"casework:reject:{r.Id}", "驳回"),
        ],
        $"{CardTaskPrefix}{r.Id}-work{r.UpdatedAt.ToUnixTimeSeconds()}");

    // The queries a resident's chat asks most (the twin check, 我的上报, filing): compiled once, they skip EF's
    // per-call look at the expression tree, which cost more than SQLite's work for them.
    /// <summary>"Id IN (…)" rather than EXISTS, so that SQLite finds both kinds by index.</summary>
    private static readonly ModelQuery<Func<GovBotDb, int, int, IAsyncEnumerable<int>>> MineNewestFirst = new(() =>
        EF.CompileAsyncQuery((GovBotDb db, int personId, int take) => db.Reports
            .Where(r => r.ReporterId == personId || db.ReportFollowers.Where(f => f.PersonId == personId).Select(f => f.ReportId).Contains(r.Id))
            .OrderByDescending(r => r.CreatedAt).Take(take).Select(r => r.Id)));

    /// <summary>Reports with what a list or an offer shows, not tracked (as <see cref="Query"/> includes).</summary>
    private static readonly ModelQuery<Func<GovBotDb, int[], IAsyncEnumerable<Report>>> ToShow = new(() =>
        EF.CompileAsyncQuery((GovBotDb db, int[] ids) => db.Reports.AsNoTracking()
            .Include(r => r.Category).Include(r => r.Reporter).Include(r => r.Assignee)
            .Include(r => r.Compound).Include(r => r.Building).Include(r => r.Community)
            .Where(r => ids.Contains(r.Id))));

    private IQueryable<Report> Query() => db.Reports
        .Include(r => r.Category).Include(r => r.Reporter).Include(r => r.Assignee)
        .Include(r => r.Compound).Include(r => r.Building).Include(r => r.Community)
        .AsSplitQuery();
}
