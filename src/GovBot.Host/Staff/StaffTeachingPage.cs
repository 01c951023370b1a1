using System.Globalization;
using System.Text;
using GovBot.Data;
using GovBot.Data.Teaching;
using GovBot.Skills.Nlu;
using GovBot.Skills.Teaching;
using Microsoft.EntityFrameworkCore;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.Staff;

/// <summary>
/// /staff/learn 「待学习」: messages the bot did not understand, newest first, each labelled in one tap with what it
/// meant (an intent, or for 说事 its category) or dismissed as small talk. A label becomes a <see cref="LearnedPhrase"/>
/// that the router reads at once and the classifier is retrained with (<see cref="LearnedPhraseTraining"/>).
/// </summary>
public static class StaffTeachingPage
{
    private const int Shown = 100;

    /// <summary>The intents staff may choose, in the words of the menu; 说事 goes by category instead.</summary>
    public static readonly IReadOnlyList<(string Intent, string Name)> Choices =
    [
        (Intents.CheckIn, "报到"), (Intents.BookService, "预约服务"), (Intents.QueryPoints, "查积分"), (Intents.MicroWish, "微心愿"),
        (Intents.GridContact, "找网格员"), (Intents.MyRequests, "我的事项"), (Intents.Volunteer, "志愿服务"),
        (Intents.RecordVisit, "走访记录"), (Intents.Handoff, "转人工"), (Intents.Help, "菜单"), (Intents.Cancel, "取消"),
    ];

    public static void MapStaffTeaching(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/learn", ListAsync);
        app.MapPost("/staff/learn/{id:long}/label", LabelAsync);
        app.MapPost("/staff/learn/{id:long}/dismiss", DismissAsync);
    }

    private static async Task<IResult> ListAsync(
        StaffScope scope, GovBotDb db, TeachingReadings readings, TimeProvider time, CancellationToken ct)
    {
        var community = scope.CommunityId;
        var open = await Scoped(db, scope).Where(m => m.Status == MissedStatus.Open)
            .OrderByDescending(m => m.At).ThenByDescending(m => m.Id).Take(Shown).ToListAsync(ct);
        var categories = await db.ReportCategories.AsNoTracking().Where(c => c.Active).OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => c.Name).ToListAsync(ct);

        var body = new StringBuilder("<p class=\"muted\">这些是居民发来、机器人没听懂的话（电话和身份证号已隐去）。点一下它本来想办的事，以后同样的话机器人就能听懂；闲聊或无意义的点「忽略」。</p>");
        body.Append("<div class=\"panel\"><table id=\"missed\"><tr><th>时间</th><th>居民说</th><th>机器人以为</th><th>其实是</th></tr>");
        foreach (var m in open)
            body.Append(CultureInfo.InvariantCulture, $"<tr id=\"missed-{m.Id}\"><td class=\"nowrap\">{StaffForm.Input(m.At).Replace('T', ' ')}</td><td>{E(m.Text)}</td><td>{E(Name(m.Intent))}（{m.Confidence:P0}）</td><td>{Buttons(m.Id, categories)}</td></tr>");
        body.Append(open.Count == 0 ? "</table><p class=\"muted\">没有待学习的话。</p></div>" : "</table></div>");

        var weeks = await TeachingWeeks.CountAsync(db, readings, community, time.GetUtcNow(), ct);
        body.Append("<h2>每周没听懂的比例</h2><div class=\"panel\"><table id=\"weeks\"><tr><th>周</th><th>居民消息</th><th>没听懂</th><th>当时占比</th><th>如今能听懂</th><th>如今占比</th></tr>");
        foreach (var w in weeks)
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{w.Monday:M月d日}起</td><td>{w.Messages}</td><td>{w.Missed}</td><td>{Share(w.Missed, w.Messages)}</td><td>{w.UnderstoodNow}</td><td>{Share(w.Missed - w.UnderstoodNow, w.Messages)}</td></tr>");
        body.Append("</table></div>");
        return Page("待学习", scope, body.ToString());
    }

    private static string Buttons(long id, IReadOnlyList<string> categories)
    {
        var html = new StringBuilder($"<form method=\"post\" action=\"/staff/learn/{id}/label\">");
        foreach (var category in categories)
            html.Append($"<button name=\"category\" value=\"{E(category)}\">说事·{E(category)}</button>");
        foreach (var (intent, name) in Choices)
            html.Append($"<button name=\"intent\" value=\"{intent}\">{E(name)}</button>");
        html.Append($"</form><form method=\"post\" action=\"/staff/learn/{id}/dismiss\"><button>忽略（闲聊/无意义）</button></form>");
        return html.ToString();
    }

    private static async Task<IResult> LabelAsync(
        HttpContext http, StaffScope scope, GovBotDb db, LearnedPhraseTraining training, TimeProvider time, long id, CancellationToken ct)
    {
        if (await db.MissedMessages.FirstOrDefaultAsync(m => m.Id == id, ct) is not { } missed) return Results.NotFound();
        if (!scope.AllowsCommunity(missed.CommunityId)) return Refused(scope, "只能处理本社区居民的话。");
        var form = await http.Request.ReadFormAsync(ct);
        var category = StaffForm.Text(form, "category");
        var intent = category.Length > 0 ? Intents.ReportProblem : StaffForm.Text(form, "intent");
        if (category.Length > 0 && !await db.ReportCategories.AnyAsync(c => c.Name == category, ct)) return Results.BadRequest();
        if (category.Length == 0 && !Choices.Any(c => c.Intent == intent)) return Results.BadRequest();

        var key = LearnedLanguage.Key(missed.Text);
        var phrase = await db.LearnedPhrases.FirstOrDefaultAsync(p => p.Key == key, ct);
        if (phrase is null) db.LearnedPhrases.Add(phrase = new LearnedPhrase { Text = missed.Text, Key = key, Intent = intent });
        phrase.Intent = intent;
        phrase.Category = category.Length > 0 ? category : null;
        phrase.LabelledById = scope.Person.Id;
        phrase.LabelledAt = time.GetUtcNow();
        // The same words sent again before the label are answered by it too: off the list with this one.
        foreach (var same in await Scoped(db, scope, tracked: true).Where(m => m.Status == MissedStatus.Open).ToListAsync(ct))
            if (same.Id == missed.Id || LearnedLanguage.Key(same.Text) == key) same.Status = MissedStatus.Labelled;
        missed.Status = MissedStatus.Labelled;
        await db.SaveChangesAsync(ct);
        training.LabelsChanged();
        return Results.Redirect("/staff/learn");
    }

    private static async Task<IResult> DismissAsync(StaffScope scope, GovBotDb db, long id, CancellationToken ct)
    {
        if (await db.MissedMessages.FirstOrDefaultAsync(m => m.Id == id, ct) is not { } missed) return Results.NotFound();
        if (!scope.AllowsCommunity(missed.CommunityId)) return Refused(scope, "只能处理本社区居民的话。");
        missed.Status = MissedStatus.Dismissed;
        await db.SaveChangesAsync(ct);
        return Results.Redirect("/staff/learn");
    }

    /// <summary>A community's staff see their residents' messages; county admins all, those of people without a community too.</summary>
    private static IQueryable<MissedMessage> Scoped(GovBotDb db, StaffScope scope, bool tracked = false)
    {
        var rows = tracked ? db.MissedMessages : db.MissedMessages.AsNoTracking();
        return scope.County ? rows : rows.Where(m => m.CommunityId == scope.CommunityId);
    }

    private static string Name(string intent) =>
        intent == Intents.ReportProblem ? "说事" : Choices.FirstOrDefault(c => c.Intent == intent).Name ?? "没听懂";

    private static string Share(int part, int whole) => whole == 0 ? "—" : ((double)part / whole).ToString("P0", CultureInfo.InvariantCulture);
}
