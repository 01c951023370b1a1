using System.Text;
using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Places;
using GovBot.Skills.Conversation;
using GovBot.Skills.Nlu;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.GridContact;

/// <summary>
/// The property company, the community office and the stations (党群服务中心/站, 暖新驿站) of the resident's own
/// compound and community.
/// </summary>
public sealed class PlaceContacts(GovBotDb db)
{
    private const string WhereUnknown = "还不知道您住在哪儿。回复「你好」登记一下住址，我就能告诉您。";

    public async Task<Reply> PropertyManagerAsync(Person user, CancellationToken ct)
    {
        if (user.CompoundId is not { } compoundId) return Reply.Text(WhereUnknown);
        var compound = await db.Compounds.AsNoTracking().Include(c => c.PropertyManager).FirstAsync(c => c.Id == compoundId, ct);
        if (compound.PropertyManager is not { } pm)
            return Reply.Text($"{compound.Name}没有登记物业。有事可以直接跟我说，我转给网格员。");
        return Reply.Text($"{compound.Name}的物业是{pm.Name}" + (pm.Phone is { } phone ? $"，电话 {phone}。" : "，还没有登记电话。"));
    }

    /// <summary>
    /// 社区电话多少, 社区在哪儿办公: the community office's address and phone. Its hours are those of the community's
    /// 党群服务中心 when that sits at the office's own address (as it does across the county), and only then.
    /// </summary>
    public async Task<Reply> CommunityAsync(Person user, SaidDate? asked, DateTimeOffset now, CancellationToken ct)
    {
        if (user.CommunityId is not { } communityId) return Reply.Text(WhereUnknown);
        var community = await db.Communities.AsNoTracking().FirstAsync(c => c.Id == communityId, ct);
        var text = new StringBuilder(community.Name)
            .Append("\n地址：").Append(community.Address ?? "还没有登记")
            .Append("\n电话：").Append(community.Phone ?? "还没有登记");
        var centre = await db.ServiceStations.AsNoTracking()
            .Where(s => s.CommunityId == communityId && s.CompoundId == null && s.Kind == ServiceStationKind.PartyServiceCenter)
            .OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (centre is not null && community.Address is { } address && centre.Address == address)
        {
            text.Append("\n办公时间：").Append(StationHours.Describe(centre));
            if (asked is { } day) text.Append('\n').Append(StationHours.DayLine(centre, day, now));
        }
        return Reply.Text(text.ToString());
    }

    /// <summary>
    /// The compound's own station first, then the community's; each with place and hours, and whether it is open now,
    /// or, when a day was asked (礼拜天有人没, 明儿几点开), whether it opens that day, leading the station's lines.
    /// </summary>
    public async Task<Reply> StationsAsync(Person user, IReadOnlyCollection<ServiceStationKind> kinds, DateTimeOffset now, SaidDate? asked, CancellationToken ct)
    {
        if (user.CommunityId is not { } communityId) return Reply.Text(WhereUnknown);
        var compoundId = user.CompoundId;
        var stations = await db.ServiceStations.AsNoTracking()
            .Where(s => kinds.Contains(s.Kind) && s.CommunityId == communityId && (s.CompoundId == null || s.CompoundId == compoundId))
            .ToListAsync(ct);
        if (stations.Count == 0)
            return Reply.Text(kinds.Contains(ServiceStationKind.RestStop) ? "您附近还没有暖新驿站。" : "您的社区还没有登记党群服务中心。");
        var text = new StringBuilder();
        foreach (var s in stations.OrderBy(s => s.CompoundId == null).ThenBy(s => s.Kind).ThenBy(s => s.Id))
        {
            if (text.Length > 0) text.Append("\n\n");
            text.Append(s.Name);
            if (asked is { } day) text.Append('：').Append(StationHours.DayLine(s, day, now));
            text.Append("\n地址：").Append(s.Address).Append("\n开放时间：").Append(StationHours.Describe(s));
            if (s.Phone is { } phone) text.Append("\n电话：").Append(phone);
            if (asked is not null) continue;
            if (s.Services is { } services) text.Append("\n提供：").Append(services);
            text.Append('\n').Append(StationHours.NowLine(s, now));
        }
        return Reply.Text(text.ToString());
    }
}
