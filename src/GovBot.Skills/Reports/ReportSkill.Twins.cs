using System.Globalization;
using System.Text.RegularExpressions;
using GovBot.Data.Places;
using GovBot.Data.Reference;
using GovBot.Data.Reports;
using GovBot.Skills.Conversation;
using GovBot.Skills.Conversation.Forms;
using GovBot.Skills.Nlu;

namespace GovBot.Skills.Reports;

/// <summary>
/// A neighbour already reported the same problem at the same place: the resident chooses to follow that report
/// (一起跟进) or file their own (单独上报).
/// </summary>
public sealed partial class ReportSkill
{
    private async Task<Reply> DecideOnTwinAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        var choice = form.Choices is { } options ? ChoiceMatcher.Match(turn.Text, options) : null;
        if (choice is null)
        {
            if (YesNo.Read(turn.Text) == Answer.Yes) choice = 0;
            else if (YesNo.Read(turn.Text) == Answer.No) choice = 1;
            else
            {
                turn.Continue(form);
                return Reply.Of(new ChoicesPart("请回复 1 一起跟进，或 2 单独上报：", form.Choices ?? []));
            }
        }

        if (choice == 1) return await ResumeAsync(turn, form.With(SeparateSlot, "1") with { Step = null }, null, ct);

        turn.EndDialog();
        var twin = await reports.FindAsync(int.Parse(form.Slot(TwinSlot)!, CultureInfo.InvariantCulture), ct);
        if (twin is null) return Reply.Text("那条反映找不到了，请重新说一下问题。");
        var joined = await reports.JoinAsync(twin, turn.User, ct);
        return Reply.Text(joined.Done
            ? $"好的，您已加入 {twin.Ticket} 一起跟进，有进展会同时告诉您。"
            : joined.Refusal!);
    }

    private async Task<Report?> FindTwinAsync(DialogState form, CancellationToken ct)
    {
        var category = (await CategoriesAsync(ct)).FirstOrDefault(c => c.Name == form.Slot(Category));
        if (category is null) return null;
        var place = form.Slot(Place);
        return await reports.FindTwinAsync(category.Id,
            int.Parse(form.Slot(CompoundIdSlot)!, CultureInfo.InvariantCulture),
            form.Slot(BuildingIdSlot) is { } b ? int.Parse(b, CultureInfo.InvariantCulture) : null,
            place is not null && place.StartsWith("note:", StringComparison.Ordinal) ? place[5..] : null, form.Slot(What) ?? "", ct);
    }
}
