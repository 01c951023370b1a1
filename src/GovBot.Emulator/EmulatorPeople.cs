using GovBot.Data;
using GovBot.Data.CustomerService;
using GovBot.Data.People;
using GovBot.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Emulator;

/// <param name="Id">The WeCom user id.</param>
/// <param name="Role">A short role and place, e.g. "居民·清华苑一期3号楼".</param>
/// <param name="Featured">One of <see cref="DemoUsers.All"/>, listed first.</param>
public sealed record EmulatorPerson(string Id, string Name, string Role, bool Featured)
{
    /// <summary>As the user picker shows them, e.g. 张丽（居民·清华苑一期3号楼）.</summary>
    public string Label => $"{Name}（{Role}）";
}

/// <summary>The people one can chat as: everyone in the store with a WeCom id, the well-known demo users first.</summary>
public sealed class EmulatorPeople(IDbContextFactory<GovBotDb> contexts)
{
    public async Task<IReadOnlyList<EmulatorPerson>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var people = await db.People.AsNoTracking()
            .Include(p => p.Community)
            .Include(p => p.Building).ThenInclude(b => b!.Compound)
            .OrderBy(p => p.Id)
            .ToListAsync(ct);
        var grids = await db.GridWorkers.AsNoTracking().Include(g => g.Grid)
            .ToListAsync(ct);
        var gridOf = grids.GroupBy(g => g.PersonId).ToDictionary(g => g.Key, g => string.Join("、", g.Select(a => a.Grid!.Name)));

        var featured = DemoUsers.All.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var listed = people
            .Select(p => new EmulatorPerson(p.WeComUserId, p.Name, Role(p, gridOf.GetValueOrDefault(p.Id)), featured.ContainsKey(p.WeComUserId)))
            .OrderBy(p => featured.TryGetValue(p.Id, out var order) ? order : int.MaxValue)
            .ToList();
        // A resident with only WeChat (微信客服), to try the customer-service channel; known to the bot once she writes.
        if (!listed.Any(p => p.Id == WeChatDemoUser)) listed.Insert(Math.Min(listed.Count, DemoUsers.All.Count), new EmulatorPerson(WeChatDemoUser, "刘阿姨", "微信居民·只用微信", true));
        return listed;
    }

    /// <summary>The emulator's WeChat user, reached through the customer-service account.</summary>
    public const string WeChatDemoUser = ExternalUser.IdentityPrefix + "wmDemoLiuAunt";

    public async Task<bool> ExistsAsync(string userId, CancellationToken ct)
    {
        if (userId == WeChatDemoUser) return true;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.People.AnyAsync(p => p.WeComUserId == userId, ct);
    }

    /// <summary>The role that says most about what the person can do in the chat, and where.</summary>
    internal static string Role(Person p, string? grids)
    {
        var home = p.Building is { } b ? (b.Compound?.Name ?? "") + b.Name : null;
        var community = p.Community?.Name;
        // Staff come from the county's workbook or address book without telling the bot where they live.
        if (ExternalUser.IsIdentity(p.WeComUserId)) return p.OnboardedAt is null ? "微信居民·未登记" : Join("微信居民", home);
        if (p.Has(Roles.CountyAdmin)) return "县级管理员";
        if (p.Has(Roles.Secretary)) return Join("社区书记", community);
        if (p.Has(Roles.Staff)) return Join("社区工作者", community);
        if (p.Has(Roles.GridWorker)) return Join("网格员", grids ?? community);
        if (p.OnboardedAt is null) return "新用户·未登记";
        if (p.Has(Roles.MicroGridLead)) return Join("微网格长", home);
        if (p.Has(Roles.PartyCenterHousehold)) return Join("党员中心户", home);
        if (p.Has(Roles.PartyMember))
        {
            var kind = p.PartyMemberKind switch
            {
                PartyMemberKind.InService => "在职党员",
                PartyMemberKind.Retired => "退休党员",
                PartyMemberKind.Mobile => "流动党员",
                _ => "党员",
            };
            return Join(kind, home);
        }
        if (p.Has(Roles.Volunteer)) return Join("志愿者", home);
        return Join("居民", home ?? community);
    }

    private static string Join(string role, string? place) => string.IsNullOrEmpty(place) ? role : $"{role}·{place}";
}
