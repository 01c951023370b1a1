using System.Globalization;
using System.Text.RegularExpressions;
using GovBot.Data;
using GovBot.Data.CheckIns;
using GovBot.Skills.Conversation;
using GovBot.Skills.Conversation.Forms;
using GovBot.Skills.Nlu;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.CheckIns;

/// <summary>
/// 单位报到 / 结对共建: a work unit's party secretary registers the unit (name, party organisation, contact)
/// and the compounds it pairs with. The name is matched like a member's (「卫健局」 finds 清徐县卫生健康局): a unit
/// already known is updated and gets the new pairings rather than a near-duplicate; a new one is registered
/// under its full name, with the close existing names shown at the summary.
/// Members of the unit then pick it from the list when they check in; the staff of each paired community are told.
/// Started from <see cref="CheckInSkill"/>, which owns the check_in intent.
/// </summary>
public sealed partial class WorkUnitSkill(GovBotDb db, WorkUnitDirectory units, TimeProvider time) : FormSkill
{
    public const string SkillName = "workunit";
    private const string UnitSlot = "unit", OrgSlot = "org", ContactSlot = "contact", PhoneSlot = "phone", CompoundsSlot = "compounds";

    private List<(int Id, string Label)>? _compounds;

    public override string Name => SkillName;
    public override string Topic => "单位报到";
    public override IReadOnlyCollection<string> Intents { get; } = [];

    protected override string ConfirmHeading => "请核对单位报到信息：";

    /// <summary>Whether a check-in message is about a unit rather than a member: 单位报到, 注册单位, 结对共建.</summary>
    public static bool IsAbout(string text) => UnitWords().IsMatch(text);

    protected override IReadOnlyList<Slot> Slots =>
    [
        new(UnitSlot, "单位名称", "请说一下单位全称，比如「清徐县交通运输局」。", "清徐县交通运输局")
        {
            Parse = async (turn, _, text, ct) => await UnitAsync(turn, text, ct),
        },
        new(OrgSlot, "单位党组织", "单位的党组织叫什么？比如「清徐县交通运输局机关党支部」。", "某某局机关党支部")
        {
            Parse = (_, _, text, _) => Task.FromResult(Text(text, 3)),
        },
        new(ContactSlot, "联系人", "联系人怎么称呼？", "王主任")
        {
            Parse = (_, _, text, _) => Task.FromResult(Text(text, 2)),
        },
        new(PhoneSlot, "联系电话", "联系人的手机号是多少？", "13912345678（11位手机号）")
        {
            Parse = (_, _, text, _) => Task.FromResult(Phone(CheckInWording.NormalizePhone(text))),
            FromEntities = (nlu, _) => Phone(nlu.Find(Entities.Phone)),
        },
        new(CompoundsSlot, "结对小区", "和哪些小区结对共建？可以多选，比如回复「1 3」或小区名字。", "1 3 或「清华苑一期」")
        {
            Multiple = true,
            Choices = async (turn, _, ct) => (await CompoundsAsync(turn, ct)).Select(c => c.Label).ToList(),
            Parse = async (turn, _, text, ct) => CompoundsValue(await CompoundsAsync(turn, ct), text),
        },
    ];

    public override async Task<Reply> StartAsync(TurnContext turn, CancellationToken ct)
    {
        var reply = await base.StartAsync(turn, ct);
        return Reply.Text("单位报到、结对共建请由单位党组织书记或联络员来登记。").Then(reply);
    }

    protected override Task<DialogState> PrepareAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        if (turn.User.Name is { Length: > 0 } name && name != "居民") form = form.With(ContactSlot, name);
        if (Phone(CheckInWording.NormalizePhone(turn.User.Phone)) is { } phone) form = form.With(PhoneSlot, phone.Value).With(PhoneSlot + "#", phone.Display);
        return Task.FromResult(form);
    }

    protected override async Task<Reply> CompleteAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var value = form.Slot(UnitSlot)!;
        var name = value.StartsWith("new:", StringComparison.Ordinal) ? value[4..] : value;
        var unit = value.StartsWith("id:", StringComparison.Ordinal) && int.TryParse(value[3..], CultureInfo.InvariantCulture, out var unitId)
            ? await db.WorkUnits.Include(u => u.Pairings).FirstOrDefaultAsync(u => u.Id == unitId, ct)
            : await db.WorkUnits.Include(u => u.Pairings).FirstOrDefaultAsync(u => u.Name == name, ct);
        var updated = unit is not null;
        if (unit is null)
        {
            unit = new WorkUnit { Name = name, PartyOrganisationName = form.Slot(OrgSlot)!, RegisteredById = turn.User.Id, RegisteredAt = now };
            db.WorkUnits.Add(unit);
            units.Refresh();
        }
        unit.PartyOrganisationName = form.Slot(OrgSlot)!;
        unit.ContactName = form.Slot(ContactSlot);
        unit.ContactPhone = form.Slot(PhoneSlot);

        var compoundIds = form.Slot(CompoundsSlot)!.Split('|').Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToList();
        var added = compoundIds.Where(id => unit.Pairings.All(p => p.CompoundId != id)).ToList();
        foreach (var id in added) unit.Pairings.Add(new UnitPairing { CompoundId = id, PairedAt = now });
        await db.SaveChangesAsync(ct);

        // The staff of each newly paired compound's community hear of it.
        var compounds = await db.Compounds.AsNoTracking().Where(c => added.Contains(c.Id)).ToListAsync(ct);
        foreach (var community in compounds.GroupBy(c => c.CommunityId))
        {
            var staff = await db.People.Where(p => p.CommunityId == community.Key && (p.Roles & (Data.People.Roles.Staff | Data.People.Roles.Secretary)) != 0)
                .Select(p => p.WeComUserId).ToListAsync(ct);
            if (staff.Count == 0) continue;
            var text = $"{unit.Name}（{unit.PartyOrganisationName}）与{string.Join("、", community.Select(c => c.Name))}结对共建，"
                + $"联系人{unit.ContactName}，电话{unit.ContactPhone}。";
            await db.EnqueuePushAsync(new OutboxPush(new TextPart(text), staff) { SourceKey = $"workunit:{unit.Id}:paired:{community.Key}:{now.UtcTicks}" }, now, ct);
        }

        return Reply.Text($"{(updated ? "已更新" : "已登记")}：{unit.Name}，结对小区：{DisplayOf(form, CompoundsSlot)}。"
            + $"本单位党员说「我要报到」时可以直接选「{unit.Name}」。");
    }

    /// <summary>Every compound, those of the secretary's own county first (the list keeps its order across turns).</summary>
    private async Task<List<(int Id, string Label)>> CompoundsAsync(TurnContext turn, CancellationToken ct)
    {
        if (_compounds is not null) return _compounds;
        var county = turn.User.CommunityId is { } community
            ? await db.Communities.Where(c => c.Id == community).Select(c => (int?)c.Town!.CountyId).FirstOrDefaultAsync(ct)
            : null;
        var all = await db.Compounds.AsNoTracking()
            .Select(c => new { c.Id, c.Name, c.CommunityId, Community = c.Community!.Name, c.Community.Town!.CountyId }).ToListAsync(ct);
        return _compounds = all.OrderBy(c => c.CountyId == county ? 0 : 1).ThenBy(c => c.CountyId).ThenBy(c => c.CommunityId).ThenBy(c => c.Id)
            .Select(c => (c.Id, $"{c.Name}（{c.Community}）")).ToList();
    }

    private static SlotValue? CompoundsValue(List<(int Id, string Label)> compounds, string text)
    {
        var labels = compounds.Select(c => c.Label).ToList();
        if (MultiChoice.Match(text, labels) is not { Count: > 0 } picked)
        {
            // Names typed without the community: "清华苑一期 世纪花园".
            var names = compounds.Select(c => c.Label[..c.Label.IndexOf('（', StringComparison.Ordinal)]).ToList();
            picked = MultiChoice.Match(text, names);
            if (picked is not { Count: > 0 }) return null;
        }
        return new SlotValue(string.Join('|', picked.Select(i => compounds[i].Id.ToString(CultureInfo.InvariantCulture))),
            string.Join("、", picked.Select(i => labels[i])));
    }

    /// <summary>
    /// The unit as matched in the secretary's county: a known one is kept by id (and updated); a new one gets its
    /// full name, with close existing names shown so a near-duplicate is noticed. The same name in two counties
    /// (「交通局」 from someone of no county) is not guessed: the question is asked again with its example.
    /// </summary>
    private async Task<SlotValue?> UnitAsync(TurnContext turn, string text, CancellationToken ct)
    {
        var matcher = await units.MatcherAsync(ct);
        var match = matcher.Match(text, await units.CountyOfCommunityAsync(turn.User.CommunityId, ct));
        if (match is null || match.SameName) return null;
        if (match.Unit is { } known) return new SlotValue("id:" + known.Id.ToString(CultureInfo.InvariantCulture), $"{known.Name}（已登记过，这次更新）");
        var close = match.Options.Count > 0 ? $"（新登记；相近的已有单位：{string.Join("、", match.Options.Select(o => o.Name))}）" : "";
        return new SlotValue("new:" + match.NewName, match.NewName + close);
    }

    private static SlotValue? Text(string text, int min)
    {
        var t = text.Trim();
        return t.Length >= min && t.Length <= 60 && !t.All(c => char.IsAsciiDigit(c) || char.IsWhiteSpace(c)) ? SlotValue.Of(t) : null;
    }

    private static SlotValue? Phone(string? phone) => phone is null ? null : new SlotValue(phone, CheckInWording.MaskPhone(phone));

    [GeneratedRegex(@"单位(报到|报道|注册|登记|.{0,8}结对)|(注册|登记)(一下)?单位|结对共建|我们单位.{0,8}(报到|报道)|单位党(支部|委|总支|组织).{0,6}(报到|报道)")]
    private static partial Regex UnitWords();
}
