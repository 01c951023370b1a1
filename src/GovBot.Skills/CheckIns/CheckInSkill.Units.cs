using System.Globalization;
using System.Text.RegularExpressions;
using GovBot.Data.People;
using GovBot.Skills.Conversation;
using GovBot.Skills.Conversation.Forms;
using GovBot.Skills.Nlu;

namespace GovBot.Skills.CheckIns;

/// <summary>
/// The work unit in words. A unit typed at the question, named in the first message or corrected at the
/// summary is matched against the units of the member's county (卫健局 = 清徐县卫生健康局). When it is not
/// certain the closest units are offered with 「都不是，登记为新单位」, and only that choice records a new
/// unit, under its cleaned full name (清徐县城市管理局), so staff are not handed 「我在县卫健局上班」 as a name.
/// </summary>
public sealed partial class CheckInSkill
{
    /// <summary>Choosing among the closest units, or registering a new one.</summary>
    private const string UnitPickStep = "unitpick";
    /// <summary>Hidden slots: unit words from the first message waiting for the member's county; the offered unit ids; the new unit's name.</summary>
    private const string SaidUnitSlot = "_unitsaid", PickIdsSlot = "_unitids", PickNameSlot = "_unitnew";
    /// <summary>FormSkill's step for 「要改哪一项」; a unit named there is taken at once.</summary>
    private const string FormFixStep = "fix";
    private const string NewUnitChoice = "都不是，登记为新单位", OnlyNewUnitChoice = "登记为新单位";

    /// <summary>What the first message told, said back so the member sees it was understood.</summary>
    private readonly List<string> _heard = [];

    private static string NewUnitDisplay(string name) => name + "（新单位）";

    /// <summary>Kind, name, phone and unit from the first message; they override what the store remembers.</summary>
    private async Task<DialogState> FromFirstMessageAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        var said = turn.Text;
        if (said.Length == 0) return form;
        if (CheckInWording.KindInSentence(said) is { } kind)
        {
            form = Set(form, KindSlot, new SlotValue(kind.ToString(), CheckInWording.Kind(kind)));
            _heard.Add(CheckInWording.Kind(kind));
        }
        if (CheckInWording.NameInSentence(said) is { } name)
        {
            form = form.With(NameSlot, name);
            _heard.Add(name);
        }
        if (PhoneValue(CheckInWording.NormalizePhone(turn.Nlu?.Find(Entities.Phone)) ?? CheckInWording.PhoneInSentence(said)) is { } phone)
        {
            form = Set(form, PhoneSlot, phone);
            _heard.Add("手机" + phone.Display);
        }

        var matcher = await units.MatcherAsync(ct);
        if (form.Slot(KindSlot) is { } k && k != nameof(PartyMemberKind.InService)) return form;
        if (UnitMentions.Find(said, UnitNames.Default, matcher.Counties) is not { } words) return form;
        if (form.Slot(KindSlot) is null)
        {
            // Someone who names where they work is in service.
            form = Set(form, KindSlot, new SlotValue(nameof(PartyMemberKind.InService), CheckInWording.Kind(PartyMemberKind.InService)));
            _heard.Add(CheckInWording.Kind(PartyMemberKind.InService));
        }
        // Certain now only when the county is known; otherwise it is matched when the unit question comes.
        if (await CountyOfFormAsync(form, ct) is { } county && matcher.Match(words, county) is { Unit: { } unit })
        {
            _heard.Add(unit.Name);
            return Set(form, WorkUnitSlot, UnitValue(unit));
        }
        return form.With(SaidUnitSlot, words);
    }

    /// <summary>When the form reaches the unit question with words from the first message, they answer it.</summary>
    private async Task<Reply> AskSaidUnitAsync(TurnContext turn, Reply asked, CancellationToken ct)
    {
        if (turn.Dialog is not { Step: WorkUnitSlot } form || form.Slot(SaidUnitSlot) is not { } said) return asked;
        var rest = form.Without(SaidUnitSlot);
        turn.Continue(rest);
        return await AnswerUnitAsync(turn, rest, said, null, ct) ?? asked;
    }

    /// <summary>A turn about the unit: the answer to its question, a pick among the closest, or a correction at the summary.</summary>
    private async Task<Reply?> UnitTurnAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        if (turn.Message.Kind != MessageKind.Text || turn.Text.Length == 0) return null;
        switch (form.Step)
        {
            case UnitPickStep:
                return await PickUnitAsync(turn, form, ct);
            case WorkUnitSlot when form.Choices is not { Count: > 0 } listed || ChoiceMatcher.Match(turn.Text, listed) is null:
                // A number or a name from the list is the form's usual business; words are matched here.
                return await AnswerUnitAsync(turn, form, turn.Text, null, ct);
            case DialogState.ConfirmStep or FormFixStep when form.Slot(KindSlot) == nameof(PartyMemberKind.InService):
                var matcher = await units.MatcherAsync(ct);
                return UnitMentions.Correction(turn.Text, UnitNames.Default, matcher.Counties) is { } said
                    ? await AnswerUnitAsync(turn, form, said, "已改好。", ct)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>Matches the words; certain → the unit is set and the form goes on; otherwise the closest are offered. Null when the words name nothing.</summary>
    private async Task<Reply?> AnswerUnitAsync(TurnContext turn, DialogState form, string words, string? prefix, CancellationToken ct)
    {
        var matcher = await units.MatcherAsync(ct);
        if (matcher.Match(words, await CountyOfFormAsync(form, ct)) is not { } match) return null;
        form = form.Without(SaidUnitSlot).Without(PickIdsSlot).Without(PickNameSlot) with { Misses = 0 };
        if (match.Unit is { } unit)
            return await ResumeAsync(turn, Set(form, WorkUnitSlot, UnitValue(unit)), prefix ?? $"好的，{unit.Name}。", ct);

        var options = match.Options.Select(o => o.Name).Append(match.Options.Count > 0 ? NewUnitChoice : OnlyNewUnitChoice).ToList();
        turn.Continue((form with { Step = UnitPickStep, Choices = options })
            .With(PickIdsSlot, string.Join(',', match.Options.Select(o => o.Id.ToString(CultureInfo.InvariantCulture))))
            .With(PickNameSlot, match.NewName));
        var question = match.Options.Count > 0
            ? $"单位库里没有和「{match.Typed}」完全对上的，是下面哪一个？"
            : $"单位库里还没有「{match.NewName}」。要登记为新单位吗？也可以重新说一下单位名称。";
        return Reply.Of(new ChoicesPart(question, options));
    }

    private async Task<Reply> PickUnitAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        var options = form.Choices ?? [];
        var ids = (form.Slot(PickIdsSlot) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToList();
        var newName = form.Slot(PickNameSlot) ?? "";
        var matcher = await units.MatcherAsync(ct);
        var text = turn.Text;

        var index = ChoiceMatcher.Match(text, options) ?? ChoiceMatcher.Match(UnitNames.Default.Clean(text), options);
        if (index is null && NewUnitWords().IsMatch(text)) index = options.Count - 1;
        index ??= YesNo.Read(text) switch
        {
            // 「是」 to a single offer takes it; 「不是」 to a single unit means none of them.
            Answer.Yes when ids.Count <= 1 => 0,
            Answer.No when ids.Count == 1 => options.Count - 1,
            _ => null,
        };
        if (index is null && matcher.Among(text, ids) is { } named) index = ids.IndexOf(named.Id);

        var rest = form.Without(PickIdsSlot).Without(PickNameSlot) with { Misses = 0 };
        if (index is { } i && i < ids.Count && matcher.UnitsOf(null).FirstOrDefault(u => u.Id == ids[i]) is { } unit)
            return await ResumeAsync(turn, Set(rest, WorkUnitSlot, UnitValue(unit)), $"好的，{unit.Name}。", ct);
        if (index is not null && newName.Length > 0)
            return await ResumeAsync(turn, Set(rest, WorkUnitSlot, new SlotValue("new:" + newName, NewUnitDisplay(newName))),
                $"好的，按新单位「{newName}」登记，社区工作人员会核对名称。", ct);
        if (ids.Count == 0 && YesNo.Read(text) == Answer.No)
            return await ResumeAsync(turn, rest.Without(WorkUnitSlot), "好的，请再说一下单位名称。", ct);

        // Another name typed instead of a pick is matched afresh.
        if (await AnswerUnitAsync(turn, rest, text, null, ct) is { } again) return again;
        var misses = form.Misses + 1;
        turn.Continue(form with { Misses = misses });
        return Reply.Of(new ChoicesPart(misses >= 3 ? "还是没看明白。回复序号就行，不办了就回复「取消」：" : "请回复序号，比如「1」：", options));
    }

    private static SlotValue UnitValue(KnownUnit unit) => new("id:" + unit.Id.ToString(CultureInfo.InvariantCulture), unit.Name);

    /// <summary>The county of the compound chosen so far, else of the member's home.</summary>
    private async Task<int?> CountyOfFormAsync(DialogState form, CancellationToken ct)
    {
        if (!int.TryParse(form.Slot(CompoundSlot), out var compound)) return null;
        return (await PlacesAsync(ct)).FirstOrDefault(p => p.CompoundId == compound)?.CountyId;
    }

    /// <summary>The units of the member's county, listed when there are few (longer lists are typed and matched).</summary>
    private async Task<IReadOnlyList<string>> UnitNamesAsync(DialogState form, CancellationToken ct)
    {
        var listed = (await units.MatcherAsync(ct)).UnitsOf(await CountyOfFormAsync(form, ct));
        return listed.Count is > 0 and <= MaxUnitsListed ? listed.Select(u => u.Name).ToList() : [];
    }

    /// <summary>The slot's own reading (a unit picked from the list): certain matches only; the rest is handled in <see cref="UnitTurnAsync"/>.</summary>
    private async Task<SlotValue?> CertainUnitAsync(DialogState form, string text, CancellationToken ct) =>
        (await units.MatcherAsync(ct)).Match(text, await CountyOfFormAsync(form, ct)) is { Unit: { } unit } ? UnitValue(unit) : null;

    [GeneratedRegex(@"都不是|都不对|新单位|新的|没有|不在(?:里面|列表|上面)|登记新")]
    private static partial Regex NewUnitWords();
}
