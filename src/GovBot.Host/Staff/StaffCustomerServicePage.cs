using System.Globalization;
using System.Text;
using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.Staff;

/// <summary>
/// /staff/customer-service: messages to residents on plain WeChat (微信客服) that are waiting (WeCom's 48-hour window
/// is closed, or its five messages are spent) or that failed, with the reason in words, for the caller's community.
/// </summary>
public static class StaffCustomerServicePage
{
    private const int Shown = 200;

    /// <summary>Mapped inside the community pages group, which declares who may see it.</summary>
    public static void MapStaffCustomerService(this IEndpointRouteBuilder app) =>
        app.MapGet("/staff/customer-service", ShowAsync);

    private static async Task<IResult> ShowAsync(StaffScope scope, GovBotDb db, CancellationToken ct)
    {
        var rows = await db.Outbox.AsNoTracking()
            .Where(o => o.Channel == OutboxChannel.CustomerService && (o.Status == OutboxStatus.Held || o.Status == OutboxStatus.Failed))
            .OrderByDescending(o => o.Id).Take(Shown).ToListAsync(ct);
        var identities = rows.Select(r => r.ToUsers).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => identities.Contains(p.WeComUserId))
            .Select(p => new { p.WeComUserId, p.Name, p.CommunityId }).ToDictionaryAsync(p => p.WeComUserId, ct);

        var body = new StringBuilder("<p class=\"muted\">通过微信客服联系的居民：企业微信只允许在居民发消息后的48小时内回复，最多5条。" +
            "发不出去的消息会先留着，居民下次发消息后自动补发。</p><div class=\"panel\"><table id=\"customer-service\"><tr><th>时间</th><th>居民</th><th>内容</th><th>状态</th></tr>");
        foreach (var row in rows)
        {
            var who = people.GetValueOrDefault(row.ToUsers);
            if (!scope.AllowsCommunity(who?.CommunityId) && !(scope.County && who is null)) continue;
            var state = row.Status == OutboxStatus.Held ? "等居民发消息后补发" : "没有发出";
            body.Append(CultureInfo.InvariantCulture,
                $"<tr class=\"{(row.Status == OutboxStatus.Held ? "held" : "failed")}\"><td>{row.CreatedAt.ToLocalTime():M月d日 HH:mm}</td><td>{E(who?.Name ?? "微信用户")}</td><td>{E(Preview(row.PayloadJson))}</td><td>{E(state)}<br><span class=\"muted\">{E(row.LastError)}</span></td></tr>");
        }
        body.Append("</table></div>");
        return Page("微信客服消息", scope, body.ToString());
    }

    private static string Preview(string payloadJson)
    {
        try
        {
            var text = OutboxExtensions.DeserializePayload(payloadJson) switch
            {
                TextPart t => t.Text,
                ChoicesPart c => c.Prompt,
                CardPart c => c.Title,
                _ => "",
            };
            return text.Length <= 60 ? text : text[..60] + "…";
        }
        catch (System.Text.Json.JsonException)
        {
            return "";
        }
    }
}
