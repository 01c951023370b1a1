using System.Text.RegularExpressions;
using GovBot.Data;
using GovBot.Skills.Conversation;
using GovBot.Skills.Conversation.Forms;
using GovBot.Skills.Nlu;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Onboarding;

/// <summary>
/// The first chat with someone new: which community, compound and building they live in.
/// Reports, grid contacts and check-ins all start from this address.
/// </summary>
public sealed partial class OnboardingSkill(GovBotDb db) : FormSkill
{
    private const string CommunitySlot = "community";
    private const string CompoundSlot = "compound";
    private const string BuildingSlot = "building";
    /// <summary>Hidden: the compounds of the grid whose QR code the resident scanned, comma-separated; never asked.</summary>
    private const string GridCompoundsSlot = "grid-compounds";
    /// <summary>Buildings are named in a hint up to this many; past it people just type the number.</summary>
    private const int MaxBuildingsListed = 20;

    private List<Place>? _places;

    private sealed record Place(int CommunityId, string Community, int CompoundId, string Compound, string Aliases);

    public override string Name => ConversationEngine.OnboardingSkill;
    public override IReadOnlyCollection<string> Intents { get; } = [];

    protected override string ConfirmHeading => "您的住址是：";

    protected override IReadOnlyList<Slot> Slots =>
    [
        new(CommunitySlot, "社区", "您住在哪个社区？", "1 或「清泉湖社区」")
        {
            Choices = async (_, _, ct) => (await PlacesAsync(ct)).Select(p => p.Community).Distinct().ToList(),
            Parse = async (_, _, text, ct) => MatchCommunity(await PlacesAsync(ct), text),
            FromEntities = (nlu, _) => CommunityFrom(nlu),
            Resets = [CompoundSlot, BuildingSlot, GridCompoundsSlot],
        },
        new(CompoundSlot, "小区", "住哪个小区？", "1 或小区名字")
        {
            Choices = async (_, form, ct) => InGrid(CompoundsOf(await PlacesAsync(ct), form), form).Select(p => p.Compound).ToList(),
            // The grid's compounds first, then the community's: a resident who scanned a neighbour's code still gets home.
            Parse = async (_, form, text, ct) =>
                MatchCompound(InGrid(CompoundsOf(await PlacesAsync(ct), form), form), text) ?? MatchCompound(CompoundsOf(await PlacesAsync(ct), form), text),
            FromEntities = (nlu, form) => CompoundFrom(nlu, form),
            Resets = [BuildingSlot],
        },
        new(BuildingSlot, "楼栋", "住几号楼？", "3 或「3号楼」")
        {
            Parse = async (turn, form, text, ct) => await MatchBuildingAsync(form, BuildingNumber(turn, text), ct),
            FromEntities = (nlu, _) => nlu.Find(Entities.Building) is { } n ? new SlotValue(n, n + "号楼") : null,
        },
    ];

    public override async Task<Reply> StartAsync(TurnContext turn, CancellationToken ct)
    {
        await PlacesAsync(ct);
        _entry = await EntryAsync(turn.User.Id, turn.User.CommunityId, ct);
        var first = await base.StartAsync(turn, ct);
        // Remember what they came for, whatever it was, so it is handled as soon as we know where they live: only a
        // greeting, the menu or a word of thanks asks for nothing.
        var deferred = turn.Dialog is not null && IsRequest(turn, firstMessage: true);
        if (deferred) turn.Continue(turn.Dialog! with { Deferred = turn.Text });
        var assistant = _entry is { } entry ? $"{entry.Community}{entry.Grid}的社区小助手" : "社区小助手";
        var welcome = deferred
            ? $"您好，欢迎使用{assistant}！您说的事我记下了，先登记一下您住哪儿，马上接着办。"
            : $"您好，欢迎使用{assistant}！第一次见面，先记一下您住哪儿，以后反映问题、找网格员都更方便。";
        return Reply.Text(welcome).Then(first);
    }

    /// <summary>
    /// A resident who came through a community's or grid's QR code (微信客服) is not asked the community again, and is
    /// offered that grid's compounds.
    /// </summary>
    protected override Task<DialogState> PrepareAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        if (_entry is not { } entry) return Task.FromResult(form);
        form = Set(form, Slots[0], new SlotValue(entry.CommunityId.ToString(), entry.Community));
        if (entry.GridCompounds.Count > 0) form = form.With(GridCompoundsSlot, string.Join(",", entry.GridCompounds));
        return Task.FromResult(form);
    }

    protected override async Task<FormCheck> BeforeConfirmAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        // A building number taken from a sentence is checked only here, once the compound is certain.
        if (await MatchBuildingAsync(form, form.Slot(BuildingSlot), ct) is not null) return FormCheck.Pass(form);
        var next = form.Without(BuildingSlot) with { Step = BuildingSlot, Choices = null };
        turn.Continue(next);
        var known = await BuildingNamesAsync(form, ct);
        var hint = known.Count is > 0 and <= MaxBuildingsListed ? $"（有{string.Join("、", known)}）" : "";
        return FormCheck.Stop(next, Reply.Text($"{DisplayOf(form, CompoundSlot)}没找到这栋楼{hint}，您住几号楼？"));
    }

    protected override async Task<Reply> CompleteAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        var compoundId = int.Parse(form.Slot(CompoundSlot)!);
        var number = int.Parse(form.Slot(BuildingSlot)!);
        var building = await db.Buildings.Include(b => b.Compound)
            .FirstAsync(b => b.CompoundId == compoundId && b.Number == number, ct);

        var user = turn.User;
        user.CommunityId = building.Compound!.CommunityId;
        user.CompoundId = building.CompoundId;
        user.BuildingId = building.Id;
        user.OnboardedAt = turn.Now;

        var done = $"记好了：{building.Compound.Name}{building.Name}。";
        if (form.Deferred is { } deferred)
        {
            turn.ThenHandle(deferred);
            return Reply.Text(done + "接着办您刚才说的事：");
        }
        return Reply.Text(done + "有事直接跟我说，比如「楼道灯坏了」「我们的网格员是谁」，回复「菜单」看全部功能。");
    }

    private async Task<List<Place>> PlacesAsync(CancellationToken ct) =>
        _places ??= await db.Compounds.AsNoTracking()
            .OrderBy(c => c.CommunityId).ThenBy(c => c.Id)
            .Select(c => new Place(c.CommunityId, c.Community!.Name, c.Id, c.Name, c.Aliases))
            .ToListAsync(ct);

    /// <summary>The compounds of the grid the resident came in through, where one is known; otherwise all of them.</summary>
    private static List<Place> InGrid(List<Place> places, DialogState form)
    {
        if (form.Slot(GridCompoundsSlot) is not { Length: > 0 } ids) return places;
        var inGrid = ids.Split(',').ToHashSet();
        var kept = places.Where(p => inGrid.Contains(p.CompoundId.ToString())).ToList();
        return kept.Count > 0 ? kept : places;
    }

    private static List<Place> CompoundsOf(List<Place> places, DialogState form) =>
        int.TryParse(form.Slot(CommunitySlot), out var community)
            ? places.Where(p => p.CommunityId == community).ToList()
            : places;

    private static SlotValue? MatchCommunity(List<Place> places, string text)
    {
        var communities = places.DistinctBy(p => p.CommunityId).ToList();
        var index = ChoiceMatcher.Match(text, communities.Select(p => p.Community).ToList());
        if (index is { } i) return new SlotValue(communities[i].CommunityId.ToString(), communities[i].Community);
        // Someone who names their compound at the community question has answered both.
        var compound = MatchCompound(places, text);
        return compound is null ? null : Community(places.First(p => p.CompoundId.ToString() == compound.Value));
    }

    private static SlotValue? MatchCompound(List<Place> places, string text)
    {
        var index = ChoiceMatcher.Match(text, places.Select(p => p.Compound).ToList());
        index ??= ChoiceMatcher.Match(text, places.Select(p => p.Aliases).ToList()) is { } a && places[a].Aliases.Length > 0 ? a : null;
        return index is { } i ? new SlotValue(places[i].CompoundId.ToString(), places[i].Compound) : null;
    }

    private SlotValue? CommunityFrom(NluResult nlu)
    {
        if (_places is null) return null;
        if (nlu.Find(Entities.Community) is { } community && _places.FirstOrDefault(p => p.Community == community) is { } c)
            return Community(c);
        return nlu.Find(Entities.Compound) is { } compound && _places.FirstOrDefault(p => p.Compound == compound) is { } place
            ? Community(place)
            : null;
    }

    private SlotValue? CompoundFrom(NluResult nlu, DialogState form)
    {
        if (_places is null || nlu.Find(Entities.Compound) is not { } name) return null;
        var place = CompoundsOf(_places, form).FirstOrDefault(p => p.Compound == name);
        return place is null ? null : new SlotValue(place.CompoundId.ToString(), place.Compound);
    }

    private static SlotValue Community(Place p) => new(p.CommunityId.ToString(), p.Community);

    private async Task<List<string>> BuildingNamesAsync(DialogState form, CancellationToken ct)
    {
        if (!int.TryParse(form.Slot(CompoundSlot), out var compound)) return [];
        return await db.Buildings.AsNoTracking().Where(b => b.CompoundId == compound)
            .OrderBy(b => b.Number).Select(b => b.Name).ToListAsync(ct);
    }

    private async Task<SlotValue?> MatchBuildingAsync(DialogState form, string? number, CancellationToken ct)
    {
        if (number is null || !int.TryParse(number, out var n) || !int.TryParse(form.Slot(CompoundSlot), out var compound))
            return null;
        var name = await db.Buildings.AsNoTracking()
            .Where(b => b.CompoundId == compound && b.Number == n).Select(b => b.Name).FirstOrDefaultAsync(ct);
        return name is null ? null : new SlotValue(n.ToString(), name);
    }

    private static string? BuildingNumber(TurnContext turn, string text)
    {
        if (BuildingDigits().Match(text) is { Success: true } m) return m.Groups[1].Value;
        return turn.Nlu?.Find(Entities.Building);
    }

    [GeneratedRegex(@"^\s*(\d{1,3})\s*(号楼|号|栋|幢|楼)?\s*$")]
    private static partial Regex BuildingDigits();

    public override async Task<Reply> ContinueAsync(TurnContext turn, CancellationToken ct)
    {
        await PlacesAsync(ct);
        // A request instead of an address (「楼道灯坏了谁管」 at 「住哪个小区？」) is kept for after, and the question asked again.
        if (turn.Dialog is { Deferred: null } dialog && IsRequest(turn, firstMessage: false) && !AnswersQuestion(turn, dialog))
        {
            var kept = dialog with { Deferred = turn.Text };
            turn.Continue(kept);
            var question = Slots.FirstOrDefault(s => s.Name == kept.Step);
            var again = kept.Choices is { Count: > 0 } choices && question is not null
                ? Reply.Of(new ChoicesPart(question.Question, choices))
                : Reply.Text(question?.Question ?? "您住在哪个小区？");
            return Reply.Text("您说的事我记下了，登记好住址马上接着办。").Then(again);
        }
        return await base.ContinueAsync(turn, ct);
    }

    /// <summary>
    /// A message that asks for something (not a greeting, the menu, thanks or a bare yes or no). The first message asks
    /// for something whenever it says anything of substance; later ones only when the router is sure, since they are
    /// more likely answers to the questions about the address.
    /// </summary>
    private static bool IsRequest(TurnContext turn, bool firstMessage)
    {
        if (turn.Message.Kind != MessageKind.Text || turn.Text.Length < 2 || turn.Nlu is not { } nlu) return false;
        if (nlu.Intent.Name is Nlu.Intents.Help or Nlu.Intents.Cancel) return false;
        if (SmallTalk.Answer(turn.Text) is not null || YesNo.Read(turn.Text) != Answer.Unclear) return false;
        if (!firstMessage) return nlu.Intent.Name != Nlu.Intents.Other && nlu.Intent.Confidence >= Interruptions.Confidence;
        return nlu.Intent.Name != Nlu.Intents.Other || turn.Text.Count(char.IsLetter) >= 6;
    }

    /// <summary>Whether the message names a place or an option of the question asked.</summary>
    private bool AnswersQuestion(TurnContext turn, DialogState dialog)
    {
        if (turn.Nlu is { } nlu && nlu.Entities.Any(e => e.Entity is Entities.Compound or Entities.Community or Entities.Building)) return true;
        if (dialog.Choices is { Count: > 0 } choices && ChoiceMatcher.Read(turn.Text, choices) is { Index: not null } or { IsAmbiguous: true }) return true;
        return _places is { } places && MatchCompound(places, turn.Text) is not null;
    }
}
