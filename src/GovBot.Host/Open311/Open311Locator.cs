using System.Globalization;
using GovBot.Data;
using GovBot.Skills.Nlu;
using GovBot.Skills.Nlu.Extraction;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Open311;

/// <summary>Where a POSTed request is, in the store's terms.</summary>
public sealed record Open311Place(int CommunityId, int? CompoundId, int? BuildingId, string? PlaceNote);

/// <summary>The location parameters of a POST: address_id, address_string, attribute[community].</summary>
public sealed record Open311LocationInput(string? AddressId, string? AddressString, string? Community, bool HasCoordinates);

/// <summary>
/// Finds the compound and building of a request, which decide the grid and so the worker who gets the card.
/// Compounds carry no coordinates in this store, so lat/long alone cannot place a request: it needs
/// address_id (as this API writes it), an address_string naming a compound (or a community), or
/// attribute[community]. Rather than guess, an address that fits none or several places is refused with 400.
/// </summary>
public sealed class Open311Locator(GovBotDb db)
{
    private static readonly AddressExtractor Buildings = new();

    public async Task<Open311Place> LocateAsync(Open311LocationInput input, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(input.AddressId)) return await ByAddressIdAsync(input.AddressId.Trim(), ct);

        var communities = await db.Communities.AsNoTracking()
            .Select(c => new Area(c.Id, c.Name, c.Town!.Name, c.Town.County!.Name)).ToListAsync(ct);
        var named = string.IsNullOrWhiteSpace(input.Community) ? null : CommunityByAttribute(communities, input.Community.Trim());

        if (!string.IsNullOrWhiteSpace(input.AddressString)) return await ByAddressStringAsync(input.AddressString, communities, named, ct);
        if (named is not null) return new Open311Place(named.Id, null, null, null);
        throw Open311Exception.BadRequest(input.HasCoordinates
            ? "本系统的小区没有登记坐标，只凭 lat/long 无法确定由哪个网格处理。请同时提供 address_string（如「清华苑一期3号楼」）、address_id 或 attribute[community]。"
            : "缺少位置：请提供 address_string（如「清华苑一期3号楼」）、address_id 或 attribute[community]。");
    }

    private async Task<Open311Place> ByAddressIdAsync(string id, CancellationToken ct)
    {
        var number = id.Length > 1 && int.TryParse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var kind = char.ToUpperInvariant(id[0]);
        if (number > 0 && kind == RequestMapping.BuildingIdPrefix
            && await db.Buildings.AsNoTracking().Where(b => b.Id == number)
                .Select(b => new { b.CompoundId, b.Compound!.CommunityId }).FirstOrDefaultAsync(ct) is { } building)
            return new Open311Place(building.CommunityId, building.CompoundId, number, null);
        if (number > 0 && kind == RequestMapping.CompoundIdPrefix
            && await db.Compounds.AsNoTracking().Where(c => c.Id == number).Select(c => (int?)c.CommunityId).FirstOrDefaultAsync(ct) is { } community)
            return new Open311Place(community, number, null, null);
        throw Open311Exception.BadRequest($"address_id「{id}」不存在。address_id 用本系统返回的编号，如楼栋「B12」、小区「C3」。");
    }

    private async Task<Open311Place> ByAddressStringAsync(string address, List<Area> communities, Area? named, CancellationToken ct)
    {
        var text = Compact(address);
        // A community named in the address narrows compounds of the same name in different communities.
        var scope = named is not null ? [named] : communities.Where(c => text.Contains(Compact(c.Name), StringComparison.Ordinal)).ToList();

        var compounds = await db.Compounds.AsNoTracking().Select(c => new { c.Id, c.CommunityId, c.Name, c.Aliases }).ToListAsync(ct);
        var matches = compounds
            .Where(c => scope.Count == 0 || scope.Any(a => a.Id == c.CommunityId))
            .SelectMany(c => c.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries).Prepend(c.Name)
                .Select(Compact).Where(n => n.Length > 0 && text.Contains(n, StringComparison.Ordinal))
                .Select(n => (c.Id, c.CommunityId, c.Name, Matched: n)))
            .ToList();

        if (matches.Count == 0)
        {
            if (scope.Count == 1) return new Open311Place(scope[0].Id, null, null, Note(Strip(text, communities, null)));
            throw Open311Exception.BadRequest(scope.Count > 1
                ? $"「{address}」同时提到了几个社区，请只写问题所在的一个。"
                : $"没有找到「{address}」所在的小区或社区。请写明小区名称，如「清华苑一期3号楼」，或用 attribute[community] 指明社区。");
        }

        // The longest name wins: "清华苑一期" over its short form "清华苑" when both appear.
        var longest = matches.Max(m => m.Matched.Length);
        var best = matches.Where(m => m.Matched.Length == longest).DistinctBy(m => m.Id).ToList();
        if (best.Count > 1)
        {
            var names = string.Join("、", best.Select(m => $"{m.Name}（{communities.First(c => c.Id == m.CommunityId).Name}）"));
            throw Open311Exception.BadRequest($"「{address}」可能是{names}，请在 address_string 里写上社区名称，或用 attribute[community] 指明。");
        }

        var compound = best[0];
        var rest = Strip(text, communities, compound.Matched);
        var found = new List<EntityMatch>();
        Buildings.Extract(new NluText(rest), found);
        if (found.FirstOrDefault(e => e.Entity == Entities.Building) is not { } mention)
            return new Open311Place(compound.CommunityId, compound.Id, null, Note(rest));

        var number = int.Parse(mention.Value, CultureInfo.InvariantCulture);
        var buildingId = await db.Buildings.AsNoTracking().Where(b => b.CompoundId == compound.Id && b.Number == number)
            .Select(b => (int?)b.Id).FirstOrDefaultAsync(ct)
            ?? throw Open311Exception.BadRequest($"{compound.Name}没有{number}号楼。");
        return new Open311Place(compound.CommunityId, compound.Id, buildingId, Note(rest.Remove(mention.Start, mention.End - mention.Start)));
    }

    private static Area CommunityByAttribute(List<Area> communities, string value)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return communities.FirstOrDefault(c => c.Id == id) ?? throw Open311Exception.BadRequest($"attribute[community]「{value}」不存在。");
        var text = Compact(value);
        var hits = communities.Where(c => Compact(c.Name) == text || Compact(c.County + c.Town + c.Name) == text).ToList();
        return hits.Count switch
        {
            1 => hits[0],
            0 => throw Open311Exception.BadRequest($"attribute[community]「{value}」不存在。可用的社区见 services/{{service_code}}.json。"),
            _ => throw Open311Exception.BadRequest($"attribute[community]「{value}」有重名，请用社区编号。"),
        };
    }

    /// <summary>Removes the names already turned into ids, so what is left is the place within: "2单元门口".</summary>
    private static string Strip(string text, List<Area> communities, string? compoundName)
    {
        // The compound first: its name may contain a county's or town's.
        if (compoundName is not null)
        {
            var at = text.IndexOf(compoundName, StringComparison.Ordinal);
            if (at >= 0) text = text.Remove(at, compoundName.Length);
        }
        foreach (var name in communities.SelectMany(c => new[] { c.County, c.Town, c.Name }).Distinct().OrderByDescending(n => n.Length))
            text = text.Replace(Compact(name), "", StringComparison.Ordinal);
        return text;
    }

    /// <summary>The leftover words, without separators at either end; null when nothing meaningful is left.</summary>
    private static string? Note(string rest)
    {
        var note = rest.AsSpan().Trim().ToString();
        var start = 0;
        var end = note.Length;
        while (start < end && !char.IsLetterOrDigit(note[start])) start++;
        while (end > start && !char.IsLetterOrDigit(note[end - 1])) end--;
        return end > start ? note[start..Math.Min(end, start + MaxNoteLength)] : null;
    }

    private const int MaxNoteLength = 100;

    /// <summary>Full-width folded and spaces dropped, so "清华苑一期 ３号楼" reads as "清华苑一期3号楼".</summary>
    private static string Compact(string s) => string.Concat(new NluText(s).Normalized.Where(c => !char.IsWhiteSpace(c)));

    private sealed record Area(int Id, string Name, string Town, string County);
}
