using System.Globalization;
using System.Text;
using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Data.People;
using GovBot.Host.Staff;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.GroupChats;

/// <summary>
/// /staff/grids: each grid's WeCom group chat — create it (appchat/create), send it an announcement (停水通知,
/// 联席会议通知) through the outbox, and see whether each went out or why not. Staff of the grid's community and
/// county admins only (the group's policy keeps grid workers out; another community's staff get 403).
/// </summary>
public static class StaffGroupChatPages
{
    private static readonly string[] Kinds = ["停水通知", "停电通知", "联席会议通知", "通知"];

    public static void MapStaffGroupChats(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/grids", ListAsync);
        app.MapGet("/staff/grids/{id:int}", ShowAsync);
        app.MapPost("/staff/grids/{id:int}/chat", CreateAsync);
        app.MapPost("/staff/grids/{id:int}/announce", AnnounceAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext http, StaffCallers callers, GovBotDb db, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        var community = scope.CommunityId;
        var grids = await db.Grids.AsNoTracking().Include(g => g.Community).Where(g => scope.County || g.CommunityId == community)
            .OrderBy(g => g.CommunityId).ThenBy(g => g.Id).ToListAsync(ct);
        var chats = await db.GroupChats.AsNoTracking().Select(c => c.GridId).ToListAsync(ct);
        var body = new StringBuilder("<div class=\"panel\"><table id=\"grids\"><tr><th>网格</th><th>社区</th><th>群聊</th></tr>");
        foreach (var g in grids)
            body.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/staff/grids/{g.Id}\">{E(g.Name)}</a></td><td>{E(g.Community?.Name)}</td><td>{(chats.Contains(g.Id) ? "已建群" : "未建群")}</td></tr>");
        return Page("网格群聊", scope, body.Append("</table></div>").ToString());
    }

    private static async Task<IResult> ShowAsync(HttpContext http, StaffCallers callers, GovBotDb db, int id, string? error, string? done, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        if (await db.Grids.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct) is not { } grid)
            return Page("没有这个网格", scope, "<p>没有找到。</p>", StatusCodes.Status404NotFound);
        if (!scope.AllowsCommunity(grid.CommunityId)) return Refused(scope, "这个网格不在您负责的社区。");
        var chat = await db.GroupChats.AsNoTracking().FirstOrDefaultAsync(c => c.GridId == id, ct);
        var body = new StringBuilder();
        if (error is not null) body.Append($"<p class=\"warn\" id=\"error\">{E(error)}</p>");
        if (done is not null) body.Append($"<p id=\"done\">{(done == "chat" ? "群聊已建好。" : "通知已排队发送。")}</p>");
        if (chat is null) body.Append(await CreateFormAsync(db, grid.Id, grid.CommunityId, grid.Name, ct));
        else
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <div class="panel"><h2>群聊「{E(chat.Name)}」</h2><p id="members">{chat.Members.Split('|').Length} 人，建于 {StaffForm.Input(chat.CreatedAt).Replace('T', ' ')}</p>
                <form method="post" action="/staff/grids/{id}/announce"><input type="hidden" name="key" value="{Guid.NewGuid():N}">
                <p><label>类型 <select name="kind">{string.Concat(Kinds.Select(k => $"<option>{k}</option>"))}</select></label></p>
                <p><label>内容<br><textarea name="text" id="announcement" rows="4" cols="40" required minlength="4" maxlength="1000"></textarea></label></p>
                <p><button class="primary" id="announce">发到群里</button></p></form></div>
                """);
            body.Append(await SentAsync(db, chat.ChatId, ct));
        }
        return Page(grid.Name + " 群聊", scope, body.ToString());
    }

    private static async Task<string> CreateFormAsync(GovBotDb db, int gridId, int communityId, string gridName, CancellationToken ct)
    {
        var workers = await db.GridWorkers.AsNoTracking().Where(w => w.GridId == gridId).Select(w => w.Person!.Name).ToListAsync(ct);
        // Who may be chosen: the community's staff, and the 微网格长 and 党员中心户 living in the grid's buildings.
        const Roles leads = Roles.MicroGridLead | Roles.PartyCenterHousehold;
        const Roles staff = Roles.Staff | Roles.Secretary;
        var candidates = await db.People.AsNoTracking()
            .Where(p => p.LeftAt == null && ((p.CommunityId == communityId && (p.Roles & staff) != 0)
                || ((p.Roles & leads) != 0 && p.Building!.MicroGrid!.GridId == gridId)))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var boxes = string.Concat(candidates.Select(c => $"<label><input type=\"checkbox\" name=\"members\" value=\"{c.Id}\"> {E(c.Name)}</label> "));
        return $"""
            <div class="panel"><h2>建群</h2><p>网格员（{E(workers.Count == 0 ? "暂无" : string.Join("、", workers))}）自动入群，再选几位成员：</p>
            <form method="post" action="/staff/grids/{gridId}/chat"><p id="candidates">{boxes}</p>
            <p><label>群名 <input name="name" value="{E(gridName)}群" required maxlength="50"></label> <button class="primary" id="create">建群</button></p></form></div>
            """;
    }

    /// <summary>The chat's announcements, newest first: sent, waiting (with the last error while retried) or failed.</summary>
    private static async Task<string> SentAsync(GovBotDb db, string chatId, CancellationToken ct)
    {
        var rows = await db.Outbox.AsNoTracking().Where(o => o.ChatId == chatId).OrderByDescending(o => o.Id).Take(50).ToListAsync(ct);
        var table = new StringBuilder("<div class=\"panel\"><h2>已发通知</h2><table id=\"announcements\"><tr><th>时间</th><th>内容</th><th>状态</th></tr>");
        foreach (var r in rows)
        {
            var text = OutboxExtensions.DeserializePayload(r.PayloadJson) is TextPart t ? t.Text : "";
            var status = r.Status switch
            {
                OutboxStatus.Sent => "已发出",
                OutboxStatus.Failed => "发送失败：" + r.LastError,
                _ => r.Attempts == 0 ? "发送中" : $"发送中（已重试 {r.Attempts} 次，上次：{r.LastError}）",
            };
            table.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"nowrap\">{StaffForm.Input(r.CreatedAt).Replace('T', ' ')}</td><td>{E(text)}</td><td class=\"status\">{E(status)}</td></tr>");
        }
        return table.Append(rows.Count == 0 ? "</table><p class=\"muted\">还没有发过。</p></div>" : "</table></div>").ToString();
    }

    private static async Task<IResult> CreateAsync(HttpContext http, StaffCallers callers, GovBotDb db, GridGroupChats chats, int id, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        if (await db.Grids.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct) is not { } grid) return Results.NotFound();
        if (!scope.AllowsCommunity(grid.CommunityId)) return Refused(scope, "这个网格不在您负责的社区。");
        var form = await http.Request.ReadFormAsync(ct);
        var name = StaffForm.Text(form, "name");
        if (name.Length is 0 or > 50) return Back(id, "error", "请填群名（不超过 50 个字）。");
        var chosen = form["members"].Select(v => int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : 0).Where(n => n > 0).ToList();
        var created = await chats.CreateAsync(id, name, chosen, scope.Person, ct);
        return created.Chat is null ? Back(id, "error", created.Refusal!) : Back(id, "done", "chat");
    }

    private static async Task<IResult> AnnounceAsync(HttpContext http, StaffCallers callers, GovBotDb db, GridGroupChats chats, int id, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        if (await db.Grids.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct) is not { } grid) return Results.NotFound();
        if (!scope.AllowsCommunity(grid.CommunityId)) return Refused(scope, "这个网格不在您负责的社区。");
        if (await db.GroupChats.AsNoTracking().FirstOrDefaultAsync(c => c.GridId == id, ct) is not { } chat)
            return Back(id, "error", "这个网格还没有群聊，请先建群。");
        var form = await http.Request.ReadFormAsync(ct);
        var text = StaffForm.Text(form, "text");
        var kind = StaffForm.Text(form, "kind");
        var key = StaffForm.Text(form, "key");
        if (text.Length is < 4 or > 1000) return Back(id, "error", "通知内容写 4 到 1000 个字。");
        if (key.Length is 0 or > 64) return Back(id, "error", "页面已过期，请刷新后重新发送。");
        var heading = Kinds.Contains(kind) ? $"【{kind}】" : "【通知】";
        await chats.AnnounceAsync(chat, heading + text, key, ct);
        return Back(id, "done", "announce");
    }

    private static IResult Back(int id, string field, string value) => Results.Redirect($"/staff/grids/{id}?{field}=" + Uri.EscapeDataString(value));
}
