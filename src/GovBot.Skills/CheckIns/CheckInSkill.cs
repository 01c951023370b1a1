using System.Globalization;
using System.Text.RegularExpressions;
using GovBot.Data;
using GovBot.Data.CheckIns;
using GovBot.Data.People;
using GovBot.Skills.Conversation;
using GovBot.Skills.Conversation.Forms;
using GovBot.Skills.Nlu;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.CheckIns;

/// <summary>
/// 我要报到: a party member checks in at the community where they live. The dialog asks only for what the
/// store does not know (a demo member with a known home answers two questions), offers places, units and
/// services as numbered lists, takes typed names with a typo, shows the phone masked, and writes nothing
/// before the member confirms. What the first message already says (「我是在职党员 在县卫健局上班 来报个到」) is
/// not asked again; work units typed in words are matched as <see cref="WorkUnitMatcher"/> reads them (see
/// CheckInSkill.Units.cs). A member with an open check-in is asked whether they moved (re-registration
/// closes the old one); a returned one comes back filled in, to fix what staff pointed out.
/// 单位报到 / 注册单位 / 结对共建 are handed to <see cref="WorkUnitSkill"/>.
/// </summary>
public sealed partial class CheckInSkill(GovBotDb db, CheckInService checkIns, WorkUnitDirectory units, IServiceProvider services) : FormSkill
{
    public const string SkillName = "checkin";
    private const string NameSlot = "name", KindSlot = "kind", CommunitySlot = "community", CompoundSlot = "compound",
        BuildingSlot = "building", RoomSlot = "room", WorkUnitSlot = "workunit", UnitOrgSlot = "unitorg", HomeOrgSlot = "homeorg",
        PhoneSlot = "phone", ServicesSlot = "services";
    private const string MovedStep = "moved";
    /// <summary>Longer lists of units are not shown; members type the name and it is matched.</summary>
    private const int MaxUnitsListed = 15;
    private static readonly string[] MovedChoices = ["是，搬家了，重新报到", "不用了"];
    private static readonly string[] KindNames = [.. CheckInWording.Kinds.Select(k => k.Name)];

    private List<Place>? _places;
    private List<string>? _services;

    private sealed record Place(int CommunityId, string Community, int CountyId, int CompoundId, string Compound, string Aliases);

    public override string Name => SkillName;
    public override string Topic => "报到";
    public override IReadOnlyCollection<string> Intents { get; } = [Nlu.Intents.CheckIn];
    public override MenuEntry? Menu => new("党员双报到（单位报到、结对共建也在这里）", "我要报到", Order: 30);

    protected override string ConfirmHeading => "请核对您的报到信息：";

    protected override IReadOnlyList<Slot> Slots =>
    [
        new(NameSlot, "姓名", "请问您怎么称呼？说全名就行。", "张三")
        {
            Parse = (_, _, text, _) => Task.FromResult(ReadName(text)),
        },
        new(KindSlot, "类别", "您是哪一类党员？", "1 或「在职党员」")
        {
            Choices = (_, _, _) => Task.FromResult<IReadOnlyList<string>>(KindNames),
            Parse = (_, _, text, _) => Task.FromResult(CheckInWording.ParseKind(text) is { } k ? new SlotValue(k.ToString(), CheckInWording.Kind(k)) : null),
            Resets = [WorkUnitSlot, UnitOrgSlot, HomeOrgSlot],
        },
        new(CommunitySlot, "社区", "您现在住在哪个社区？", "1 或「清泉湖社区」")
        {
            Choices = async (_, _, ct) => (await PlacesAsync(ct)).Select(p => p.Community).Distinct().ToList(),
            Parse = async (_, _, text, ct) => MatchCommunity(await PlacesAsync(ct), text),
            FromEntities = (nlu, _) => CommunityFrom(nlu),
            Resets = [CompoundSlot, BuildingSlot, RoomSlot],
        },
        new(CompoundSlot, "小区", "住哪个小区？", "1 或小区名字")
        {
            Choices = async (_, form, ct) => CompoundsOf(await PlacesAsync(ct), form).Select(p => p.Compound).ToList(),
            Parse = async (_, form, text, ct) => MatchCompound(CompoundsOf(await PlacesAsync(ct), form), text),
            FromEntities = (nlu, form) => CompoundFrom(nlu, form),
            Resets = [BuildingSlot, RoomSlot],
        },
        new(BuildingSlot, "楼栋", "住几号楼？", "3 或「3号楼」")
        {
            Parse = (turn, _, text, _) => Task.FromResult(BuildingNumber(turn, text) is { } n ? new SlotValue(n, n + "号楼") : null),
            FromEntities = (nlu, _) => nlu.Find(Entities.Building) is { } n ? new SlotValue(n, n + "号楼") : null,
        },
        new(RoomSlot, "单元房号", "几单元几号？比如「1单元201」。", "1单元201 或 2-301")
        {
            Parse = (turn, _, text, _) => Task.FromResult(ReadRoom(turn, text)),
            FromEntities = (nlu, _) => nlu.Find(Entities.Room) is { } room ? RoomValue(nlu.Find(Entities.Unit), room) : null,
        },
        new(WorkUnitSlot, "工作单位", "您在哪个单位工作？回复序号，或者直接说单位名称，简称也行，比如「卫健局」。", "1 或「清徐县交通运输局」")
        {
            AppliesWhen = d => d.Slot(KindSlot) == nameof(PartyMemberKind.InService),
            Choices = async (_, form, ct) => await UnitNamesAsync(form, ct),
            Parse = async (_, form, text, ct) => await CertainUnitAsync(form, text, ct),
            Resets = [UnitOrgSlot],
        },
        new(UnitOrgSlot, "单位党组织", "您单位的党组织叫什么？比如「清徐县交通运输局机关党支部」。", "某某单位机关党支部")
        {
            AppliesWhen = d => d.Slot(KindSlot) == nameof(PartyMemberKind.InService) && d.Slot(WorkUnitSlot) is { } u && u.StartsWith("new:", StringComparison.Ordinal),
            Parse = (_, _, text, _) => Task.FromResult(ReadOrganisation(text)),
        },
        new(HomeOrgSlot, "组织关系所在党组织", "您的组织关系在哪个党组织？比如原单位党支部，或「清泉湖社区党委」。", "某某社区党委")
        {
            AppliesWhen = d => d.Slot(KindSlot) is { } k && k != nameof(PartyMemberKind.InService),
            Parse = (_, _, text, _) => Task.FromResult(ReadOrganisation(text)),
        },
        new(PhoneSlot, "手机", "留个手机号吧，社区有活动好联系您。", "13912345678（11位手机号）")
        {
            Parse = (_, _, text, _) => Task.FromResult(PhoneValue(CheckInWording.NormalizePhone(text))),
            FromEntities = (nlu, _) => PhoneValue(nlu.Find(Entities.Phone)),
        },
        new(ServicesSlot, "愿意参加的服务", "您愿意参加哪些志愿服务？可以多选，比如回复「1 3」或「理发、维修」；暂时不参加就回复「跳过」。", "1 3 或「环境整治、理发」")
        {
            Multiple = true,
            Choices = async (_, _, ct) => await ServicesAsync(ct),
            Parse = async (_, _, text, ct) => ServicesValue(await ServicesAsync(ct), text),
        },
    ];

    public override async Task<Reply> StartAsync(TurnContext turn, CancellationToken ct)
    {
        if (WorkUnitSkill.IsAbout(turn.Text) && ((SkillRegistry)services.GetService(typeof(SkillRegistry))!).ByName(WorkUnitSkill.SkillName) is { } units)
            return await units.StartAsync(turn, ct);

        await PlacesAsync(ct);
        if (await checkIns.ActiveAsync(turn.User.Id, ct) is not { } open)
        {
            var first = await AskSaidUnitAsync(turn, await base.StartAsync(turn, ct), ct);
            var known = turn.User.CompoundId is not null || _heard.Count > 0 ? "已经知道的就不再问了，" : "";
            var heard = _heard.Count > 0 ? $"已记下：{string.Join("，", _heard)}。" : "";
            return Reply.Text($"好的，办理党员双报到，{known}几步就好。{heard}").Then(first);
        }

        if (open.Status == CheckInStatus.Returned)
        {
            var redo = FromCheckIn(open, withResidence: true) with { StartedAt = turn.Now };
            return await ResumeAsync(turn, redo, $"您上次的报到被退回了，原因：{open.ReturnReason}。已按上次填写的整理好，请改一下再提交。\n", ct);
        }
        turn.Continue(new DialogState { Skill = Name, Step = MovedStep, StartedAt = turn.Now, Choices = MovedChoices });
        return Reply.Of(new ChoicesPart(
            $"您已经在{open.Community?.Name}{CheckInWording.Address(open)}报到了（{CheckInWording.Status(open.Status)}）。是搬家了，要在新住处重新报到吗？",
            MovedChoices));
    }

    public override async Task<Reply> ContinueAsync(TurnContext turn, CancellationToken ct)
    {
        await PlacesAsync(ct);
        if (turn.Dialog is { } form && await UnitTurnAsync(turn, form, ct) is { } unitReply) return unitReply;
        if (turn.Dialog is not { Step: MovedStep } dialog) return await AskSaidUnitAsync(turn, await base.ContinueAsync(turn, ct), ct);

        var choice = ChoiceMatcher.Match(turn.Text, MovedChoices) ?? YesNo.Read(turn.Text) switch
        {
            Answer.Yes => 0,
            Answer.No => 1,
            _ => turn.Text.Contains("搬", StringComparison.Ordinal) ? 0 : null,
        };
        switch (choice)
        {
            case 0 when await checkIns.ActiveAsync(turn.User.Id, ct) is { } open:
                return await ResumeAsync(turn, FromCheckIn(open, withResidence: false) with { StartedAt = dialog.StartedAt },
                    "好的，原来的报到会在新报到提交时关闭。", ct);
            case 0:
                return await AskSaidUnitAsync(turn, await base.StartAsync(turn, ct), ct);
            case 1:
                turn.EndDialog();
                return Reply.Text("好的，原来的报到不变。说「我的报到」可以随时查看。");
            default:
                turn.Continue(dialog with { Misses = dialog.Misses + 1 });
                return Reply.Of(new ChoicesPart("请回复 1 重新报到，或 2 不用了：", MovedChoices));
        }
    }

    protected override async Task<DialogState> PrepareAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        var user = turn.User;
        if (user.Name is { Length: > 0 } name && name != "居民") form = form.With(NameSlot, name);
        if (user.PartyMemberKind is { } kind) form = Set(form, KindSlot, new SlotValue(kind.ToString(), CheckInWording.Kind(kind)));
        if (PhoneValue(CheckInWording.NormalizePhone(user.Phone)) is { } phone) form = Set(form, PhoneSlot, phone);
        if (user.CompoundId is { } compoundId && (await PlacesAsync(ct)).FirstOrDefault(p => p.CompoundId == compoundId) is { } home)
        {
            form = Set(form, CommunitySlot, new SlotValue(home.CommunityId.ToString(CultureInfo.InvariantCulture), home.Community));
            form = Set(form, CompoundSlot, new SlotValue(home.CompoundId.ToString(CultureInfo.InvariantCulture), home.Compound));
            if (user.BuildingId is { } buildingId && await db.Buildings.FindAsync([buildingId], ct) is { } building)
            {
                form = Set(form, BuildingSlot, new SlotValue(building.Number.ToString(CultureInfo.InvariantCulture), building.Name));
                if (user.Room is { Length: > 0 } room) form = Set(form, RoomSlot, RoomValue(Digits(user.Unit), Digits(room) ?? room)!);
            }
        }
        return await FromFirstMessageAsync(turn, form, ct);
    }

    private DialogState Set(DialogState form, string slot, SlotValue value) => Set(form, Slots.First(s => s.Name == slot), value);

    protected override async Task<FormCheck> BeforeConfirmAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        // A building number taken from a sentence is checked once the compound is certain.
        if (await BuildingIdAsync(form, ct) is not null) return FormCheck.Pass(form);
        var next = form.Without(BuildingSlot).Without(BuildingSlot + "#") with { Step = BuildingSlot, Choices = null };
        turn.Continue(next);
        var known = int.TryParse(form.Slot(CompoundSlot), out var compound)
            ? await db.Buildings.AsNoTracking().Where(b => b.CompoundId == compound).OrderBy(b => b.Number).Select(b => b.Name).ToListAsync(ct)
            : [];
        var hint = known.Count is > 0 and <= 20 ? $"（有{string.Join("、", known)}）" : "";
        return FormCheck.Stop(next, Reply.Text($"{DisplayOf(form, CompoundSlot)}没找到这栋楼{hint}，您住几号楼？"));
    }

    protected override async Task<Reply> CompleteAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        var kind = Enum.Parse<PartyMemberKind>(form.Slot(KindSlot)!);
        var unit = kind == PartyMemberKind.InService ? form.Slot(WorkUnitSlot) : null;
        int? unitId = unit is not null && unit.StartsWith("id:", StringComparison.Ordinal) ? int.Parse(unit[3..], CultureInfo.InvariantCulture) : null;
        var (unitNumber, room) = SplitRoom(form.Slot(RoomSlot));
        var draft = new CheckInDraft(form.Slot(NameSlot)!, kind, int.Parse(form.Slot(CompoundSlot)!, CultureInfo.InvariantCulture), form.Slot(PhoneSlot)!)
        {
            BuildingId = await BuildingIdAsync(form, ct),
            Unit = unitNumber is null ? null : unitNumber + "单元",
            Room = room,
            WorkUnitId = unitId,
            WorkUnitName = unit is not null && unit.StartsWith("new:", StringComparison.Ordinal) ? unit[4..] : null,
            PartyOrganisationName = kind == PartyMemberKind.InService ? (unitId is null ? form.Slot(UnitOrgSlot) : null) : form.Slot(HomeOrgSlot),
            Services = (form.Slot(ServicesSlot) ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries),
        };
        var checkIn = await checkIns.SubmitAsync(turn.User, draft, ct);
        return Reply.Text($"报到已提交，{checkIn.Community?.Name}的工作人员审核后会通知您。说「我的报到」可以随时查看。");
    }

    /// <summary>A form filled from an earlier check-in: everything for a returned one, all but the home for a move.</summary>
    private DialogState FromCheckIn(CheckIn c, bool withResidence)
    {
        var form = new DialogState { Skill = Name, StartedAt = DateTimeOffset.MinValue }
            .With(NameSlot, c.Name)
            .With(KindSlot, c.Kind.ToString()).With(KindSlot + "#", CheckInWording.Kind(c.Kind))
            .With(PhoneSlot, c.Phone).With(PhoneSlot + "#", CheckInWording.MaskPhone(c.Phone));
        if (c.Services.Length > 0) form = form.With(ServicesSlot, c.Services).With(ServicesSlot + "#", CheckInWording.Services(c));
        if (c.WorkUnit is { } unit) form = form.With(WorkUnitSlot, "id:" + unit.Id).With(WorkUnitSlot + "#", unit.Name);
        else if (c.WorkUnitName is { } typed) form = form.With(WorkUnitSlot, "new:" + typed).With(WorkUnitSlot + "#", NewUnitDisplay(typed));
        if (c.PartyOrganisationName is { } org)
            form = form.With(c.Kind == PartyMemberKind.InService ? UnitOrgSlot : HomeOrgSlot, org);
        if (!withResidence) return form;
        form = form.With(CommunitySlot, c.CommunityId.ToString(CultureInfo.InvariantCulture)).With(CommunitySlot + "#", c.Community?.Name ?? "")
            .With(CompoundSlot, c.CompoundId.ToString(CultureInfo.InvariantCulture)).With(CompoundSlot + "#", c.Compound?.Name ?? "");
        if (c.Building is { } b) form = form.With(BuildingSlot, b.Number.ToString(CultureInfo.InvariantCulture)).With(BuildingSlot + "#", b.Name);
        if (c.Room is { Length: > 0 } room && RoomValue(Digits(c.Unit), room) is { } r) form = form.With(RoomSlot, r.Value).With(RoomSlot + "#", r.Display);
        return form;
    }

    // ── places ────────────────────────────────────────────────────────────────────────────
    private async Task<List<Place>> PlacesAsync(CancellationToken ct) =>
        _places ??= await db.Compounds.AsNoTracking()
            .OrderBy(c => c.CommunityId).ThenBy(c => c.Id)
            .Select(c => new Place(c.CommunityId, c.Community!.Name, c.Community.Town!.CountyId, c.Id, c.Name, c.Aliases))
            .ToListAsync(ct);

    private static List<Place> CompoundsOf(List<Place> places, DialogState form) =>
        int.TryParse(form.Slot(CommunitySlot), out var community) ? places.Where(p => p.CommunityId == community).ToList() : places;

    private static SlotValue? MatchCommunity(List<Place> places, string text)
    {
        var communities = places.DistinctBy(p => p.CommunityId).ToList();
        if (ChoiceMatcher.Match(text, communities.Select(p => p.Community).ToList()) is { } i) return Community(communities[i]);
        return MatchCompound(places, text) is { } compound ? Community(places.First(p => p.CompoundId.ToString(CultureInfo.InvariantCulture) == compound.Value)) : null;
    }

    private static SlotValue? MatchCompound(List<Place> places, string text)
    {
        var index = ChoiceMatcher.Match(text, places.Select(p => p.Compound).ToList());
        index ??= ChoiceMatcher.Match(text, places.Select(p => p.Aliases).ToList()) is { } a && places[a].Aliases.Length > 0 ? a : null;
        return index is { } i ? new SlotValue(places[i].CompoundId.ToString(CultureInfo.InvariantCulture), places[i].Compound) : null;
    }

    private SlotValue? CommunityFrom(NluResult nlu)
    {
        if (_places is null) return null;
        if (nlu.Find(Entities.Community) is { } community && _places.FirstOrDefault(p => p.Community == community) is { } c) return Community(c);
        return nlu.Find(Entities.Compound) is { } compound && _places.FirstOrDefault(p => p.Compound == compound) is { } place ? Community(place) : null;
    }

    private SlotValue? CompoundFrom(NluResult nlu, DialogState form)
    {
        if (_places is null || nlu.Find(Entities.Compound) is not { } name) return null;
        var place = CompoundsOf(_places, form).FirstOrDefault(p => p.Compound == name);
        return place is null ? null : new SlotValue(place.CompoundId.ToString(CultureInfo.InvariantCulture), place.Compound);
    }

    private static SlotValue Community(Place p) => new(p.CommunityId.ToString(CultureInfo.InvariantCulture), p.Community);

    private async Task<int?> BuildingIdAsync(DialogState form, CancellationToken ct)
    {
        if (!int.TryParse(form.Slot(BuildingSlot), out var n) || !int.TryParse(form.Slot(CompoundSlot), out var compound)) return null;
        return await db.Buildings.AsNoTracking().Where(b => b.CompoundId == compound && b.Number == n).Select(b => (int?)b.Id).FirstOrDefaultAsync(ct);
    }

    private static string? BuildingNumber(TurnContext turn, string text) =>
        BuildingDigits().Match(text) is { Success: true } m ? m.Groups[1].Value : turn.Nlu?.Find(Entities.Building);

    private static SlotValue? ReadRoom(TurnContext turn, string text)
    {
        var t = ChoiceMatcher.Normalize(text.Replace("单元", "-", StringComparison.Ordinal));
        if (UnitRoomDigits().Match(text) is { Success: true } m) return RoomValue(m.Groups[1].Value, m.Groups[2].Value);
        if (t.All(char.IsAsciiDigit) && t.Length is >= 1 and <= 5) return RoomValue(null, t);
        return turn.Nlu?.Find(Entities.Room) is { } room ? RoomValue(turn.Nlu.Find(Entities.Unit), room) : null;
    }

    private static SlotValue? RoomValue(string? unit, string room)
    {
        var u = Digits(unit);
        return new SlotValue($"{u}|{room}", CheckInWording.UnitRoom(u, room));
    }

    private static (string? Unit, string? Room) SplitRoom(string? value)
    {
        if (value is null) return (null, null);
        var parts = value.Split('|');
        return (parts[0].Length > 0 ? parts[0] : null, parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
    }

    private static string? Digits(string? s)
    {
        var d = new string((s ?? "").Where(char.IsAsciiDigit).ToArray());
        return d.Length > 0 ? d : null;
    }

    // ── services, names ──────────────────────────────────────────────────────────────────
    private async Task<List<string>> ServicesAsync(CancellationToken ct) =>
        _services ??= await db.VolunteerServiceKinds.AsNoTracking().Where(s => s.Active).OrderBy(s => s.SortOrder).Select(s => s.Name).ToListAsync(ct);

    private static SlotValue? ServicesValue(IReadOnlyList<string> options, string text)
    {
        // Services are offered, not required: 「跳过」「暂时不参加」 is an answer too.
        if (SkipWords.Contains(ChoiceMatcher.Normalize(text))) return new SlotValue("", "暂不选");
        if (MultiChoice.Match(text, options) is not { Count: > 0 } picked) return null;
        var names = picked.Select(i => options[i]).ToList();
        return new SlotValue(string.Join('|', names), string.Join("、", names));
    }

    private static SlotValue? PhoneValue(string? phone) => phone is null ? null : new SlotValue(phone, CheckInWording.MaskPhone(phone));

    private static readonly HashSet<string> SkipWords = ["跳过", "不参加", "暂时不参加", "先不参加", "暂不参加", "都不参加", "以后再说", "暂时不", "先不选", "不选", "没有", "没空"];

    private static SlotValue? ReadName(string text)
    {
        var m = NameRegex().Match(text.Trim());
        return m.Success ? SlotValue.Of(m.Groups[1].Value) : null;
    }

    private static SlotValue? ReadOrganisation(string text)
    {
        var t = text.Trim();
        return t.Length is >= 3 and <= 60 && !t.All(char.IsAsciiDigit) ? SlotValue.Of(t) : null;
    }

    [GeneratedRegex(@"^(?:我叫|我是|姓名[:：]?|名字[:：]?)?\s*([\p{IsCJKUnifiedIdeographs}·]{2,10})$")]
    private static partial Regex NameRegex();

    [GeneratedRegex(@"^\s*(\d{1,3})\s*(号楼|号|栋|幢|楼)?\s*$")]
    private static partial Regex BuildingDigits();

    [GeneratedRegex(@"(\d{1,2})\s*(?:单元|-|－|—)\s*(\d{1,5})")]
    private static partial Regex UnitRoomDigits();
}
