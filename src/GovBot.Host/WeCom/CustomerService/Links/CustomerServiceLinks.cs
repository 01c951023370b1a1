using System.Security.Cryptography;
using GovBot.Data;
using GovBot.Data.CustomerService;
using GovBot.Host.WeCom.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovBot.Host.WeCom.CustomerService.Links;

/// <summary>What came of making links: how many were made, and why it stopped if it did (plain Chinese, for staff).</summary>
public sealed record LinkOutcome(int Made, string? Error)
{
    public bool Ok => Error is null;
}

/// <summary>
/// Makes the customer-service link of a community or grid on demand, once: a link that exists is never remade (its QR
/// code may be on a notice board). A link is stored only after WeCom made it, so a refused or failed call leaves nothing
/// behind and the next press tries again.
/// </summary>
public sealed class CustomerServiceLinks(
    GovBotDb db, ICustomerServiceEntryClient wecom, IOptions<CustomerServiceOptions> options, TimeProvider time,
    ILogger<CustomerServiceLinks> logger)
{
    private const string SceneLetters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int SceneLength = 10;

    /// <summary>For staff; the operator's log and docs/customer-service.md name the setting (WeCom:CustomerService:OpenKfId).</summary>
    public const string NotConfigured = "还没有配置微信客服账号，请联系县里的系统管理员。";

    /// <summary>The community's own link and one for each of its grids; stops at the first WeCom refusal.</summary>
    public async Task<LinkOutcome> EnsureAllAsync(IReadOnlyList<int> communityIds, CancellationToken ct)
    {
        var made = 0;
        var places = await db.Communities.AsNoTracking().Where(c => communityIds.Contains(c.Id)).OrderBy(c => c.Id)
            .Select(c => new { c.Id, Grids = c.Grids.OrderBy(g => g.Id).Select(g => g.Id).ToList() }).ToListAsync(ct);
        foreach (var community in places)
        {
            foreach (var grid in community.Grids.Select(g => (int?)g).Prepend(null))
            {
                var outcome = await EnsureAsync(community.Id, grid, ct);
                made += outcome.Made;
                if (!outcome.Ok) return outcome with { Made = made };
            }
        }
        return new LinkOutcome(made, null);
    }

    /// <summary>The link of <paramref name="communityId"/> (<paramref name="gridId"/> null) or of a grid of it, made if missing.</summary>
    public async Task<LinkOutcome> EnsureAsync(int communityId, int? gridId, CancellationToken ct)
    {
        if (options.Value.OpenKfId is not { Length: > 0 } openKfId) return new LinkOutcome(0, NotConfigured);
        if (await ExistsAsync(openKfId, communityId, gridId, ct)) return new LinkOutcome(0, null);
        if (gridId is { } g && !await db.Grids.AnyAsync(x => x.Id == g && x.CommunityId == communityId, ct))
            return new LinkOutcome(0, "这个网格不在本社区。");

        var scene = NewScene(gridId is null ? 'c' : 'g');
        KfContactWayResult answer;
        try
        {
            answer = await wecom.AddContactWayAsync(openKfId, scene, ct);
        }
        catch (WeComTransientException e)
        {
            logger.LogWarning(e, "kf/add_contact_way got no answer from WeCom; staff may press the button again");
            return new LinkOutcome(0, "企业微信暂时连不上，二维码没有生成，请稍后再试。");
        }
        if (!answer.IsOk || string.IsNullOrWhiteSpace(answer.Url) || answer.Url.Length > CustomerServiceLink.MaxUrl)
        {
            logger.LogWarning("kf/add_contact_way refused (errcode {ErrCode}: {ErrMsg}); check WeCom:CustomerService:OpenKfId and that the app may call 微信客服",
                answer.ErrCode, answer.ErrMsg);
            return new LinkOutcome(0, $"企业微信没有生成二维码（错误码 {answer.ErrCode}），请检查微信客服账号的设置后再试。");
        }

        db.CustomerServiceLinks.Add(new CustomerServiceLink
        {
            CommunityId = communityId, GridId = gridId, OpenKfId = openKfId, Scene = scene, Url = answer.Url, CreatedAt = time.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return new LinkOutcome(1, null);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Someone else's press made it first; theirs is the one kept (WeCom's extra link is never shown anywhere).
            if (await ExistsAsync(openKfId, communityId, gridId, ct)) return new LinkOutcome(0, null);
            throw;
        }
    }

    private Task<bool> ExistsAsync(string openKfId, int communityId, int? gridId, CancellationToken ct) =>
        db.CustomerServiceLinks.AsNoTracking().AnyAsync(l => l.OpenKfId == openKfId && l.CommunityId == communityId && l.GridId == gridId, ct);

    /// <summary>"g" + ten random letters: WeCom allows 32 of [0-9a-zA-Z_-]; random, so no code says which others exist.</summary>
    internal static string NewScene(char kind) =>
        kind + RandomNumberGenerator.GetString(SceneLetters, SceneLength);
}
