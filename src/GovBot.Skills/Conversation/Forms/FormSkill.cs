using System.Text;

namespace GovBot.Skills.Conversation.Forms;

/// <summary>
/// A skill that collects a few slots and writes something once the user confirms. It asks only for what
/// is missing, takes answers in any order, re-asks with an example when it does not understand,
/// shows a summary to confirm and lets the user change any item before anything is written.
/// </summary>
public abstract class FormSkill : ISkill
{
    private const string FixStep = "fix";
    private const int MissesBeforeHint = 3;

    public abstract string Name { get; }
    public abstract IReadOnlyCollection<string> Intents { get; }
    public virtual MenuEntry? Menu => null;
    public virtual string Topic => "事";

    protected abstract IReadOnlyList<Slot> Slots { get; }

    /// <summary>Writes what was collected. The dialog has already ended; set a new one to chain.</summary>
    protected abstract Task<Reply> CompleteAsync(TurnContext turn, DialogState form, CancellationToken ct);

    /// <summary>Fills what is already known (the user's home, a remembered choice) before the first question.</summary>
    protected virtual Task<DialogState> PrepareAsync(TurnContext turn, DialogState form, CancellationToken ct) =>
        Task.FromResult(form);

    /// <summary>Takes in what is not text (a photo, a location) on any turn of the dialog.</summary>
    protected virtual Task<DialogState> AbsorbAsync(TurnContext turn, DialogState form, CancellationToken ct) =>
        Task.FromResult(form);

    /// <summary>
    /// A last look before the summary: may enrich the form (ids resolved from names) or stop the turn with
    /// a reply of its own (e.g. "join the same report?").
    /// </summary>
    protected virtual Task<FormCheck> BeforeConfirmAsync(TurnContext turn, DialogState form, CancellationToken ct) =>
        Task.FromResult(FormCheck.Pass(form));

    protected virtual string ConfirmHeading => "请核对一下：";

    /// <summary>The heading of the summary for this form; <see cref="ConfirmHeading"/> unless the form says otherwise.</summary>
    protected virtual string HeadingFor(DialogState form) => ConfirmHeading;

    /// <summary>What the summary asks for.</summary>
    protected virtual string ConfirmQuestion(DialogState form) => "没问题请回复「是」，要修改请回复「改」。";

    /// <summary>Some forms write at once when nothing needs checking.</summary>
    protected virtual bool NeedsConfirmation => true;

    public virtual async Task<Reply> StartAsync(TurnContext turn, CancellationToken ct)
    {
        var form = new DialogState { Skill = Name, StartedAt = turn.Now };
        form = await PrepareAsync(turn, form, ct);
        form = await AbsorbAsync(turn, form, ct);
        form = FillFromEntities(turn, form, overwrite: false);
        return await AdvanceAsync(turn, form, prefix: null, ct);
    }

    public virtual async Task<Reply> ContinueAsync(TurnContext turn, CancellationToken ct)
    {
        var form = turn.Dialog ?? new DialogState { Skill = Name, StartedAt = turn.Now };
        form = await AbsorbAsync(turn, form, ct);

        switch (form.Step)
        {
            case DialogState.ConfirmStep:
                return await ConfirmAsync(turn, form, ct);
            case FixStep:
                return await FixAsync(turn, form, ct);
        }

        var before = form;
        var slot = Slots.FirstOrDefault(s => s.Name == form.Step);
        if (slot is not null && turn.Text.Length > 0 && await ReadAsync(turn, form, slot, ct) is { } answer)
            form = Set(form, slot, answer);
        form = FillFromEntities(turn, form, overwrite: false);

        var understood = !ReferenceEquals(form, before) || turn.Message.Kind != MessageKind.Text;
        if (!understood && form.Choices is { Count: > 0 } options && ChoiceMatcher.Read(turn.Text, options) is { IsAmbiguous: true } reading)
        {
            // 「九点的」 when two options start at nine: show those two and ask which, in the list's own numbers.
            turn.Continue(form);
            return Reply.Text(ChoiceMatcher.WhichOf(reading, options));
        }
        return understood
            ? await AdvanceAsync(turn, form with { Misses = 0 }, prefix: null, ct)
            : await MissAsync(turn, form, slot, ct);
    }

    public virtual Task<Reply> OnButtonAsync(TurnContext turn, string action, CancellationToken ct) =>
        Task.FromResult(Reply.Text("这个按钮已经失效了。"));

    protected static bool Has(DialogState form, Slot slot) => form.Slots.ContainsKey(slot.Name);

    protected static string? DisplayOf(DialogState form, string slot) =>
        form.Slot(slot + DisplaySuffix) ?? form.Slot(slot);

    private const string DisplaySuffix = "#";

    protected DialogState Set(DialogState form, Slot slot, SlotValue value)
    {
        foreach (var reset in slot.Resets)
            form = form.Without(reset).Without(reset + DisplaySuffix);
        form = form.With(slot.Name, value.Value);
        return value.Display == value.Value
            ? form.Without(slot.Name + DisplaySuffix)
            : form.With(slot.Name + DisplaySuffix, value.Display);
    }

    private async Task<SlotValue?> ReadAsync(TurnContext turn, DialogState form, Slot slot, CancellationToken ct)
    {
        if (!slot.Multiple && form.Choices is { Count: > 0 } choices && ChoiceMatcher.Read(turn.Text, choices).Index is { } index)
        {
            var chosen = choices[index];
            return slot.Parse is null ? SlotValue.Of(chosen) : await slot.Parse(turn, form, chosen, ct);
        }
        if (slot.Parse is not null && await slot.Parse(turn, form, turn.Text, ct) is { } parsed) return parsed;
        return turn.Nlu is { } nlu ? slot.FromEntities?.Invoke(nlu, form) : null;
    }

    private DialogState FillFromEntities(TurnContext turn, DialogState form, bool overwrite)
    {
        if (turn.Nlu is not { } nlu) return form;
        foreach (var slot in Slots)
        {
            if (slot.FromEntities is null || !slot.Applies(form) || (!overwrite && Has(form, slot))) continue;
            if (slot.FromEntities(nlu, form) is { } value && form.Slot(slot.Name) != value.Value)
                form = Set(form, slot, value);
        }
        return form;
    }

    /// <summary>Asks for the next missing slot, or shows the summary; for skills that step outside the usual flow.</summary>
    protected Task<Reply> ResumeAsync(TurnContext turn, DialogState form, string? prefix, CancellationToken ct) =>
        AdvanceAsync(turn, form, prefix, ct);

    /// <summary>Fills what can be assumed once the answers so far are in, before the next question is chosen.</summary>
    protected virtual DialogState BeforeAsking(DialogState form) => form;

    private async Task<Reply> AdvanceAsync(TurnContext turn, DialogState form, string? prefix, CancellationToken ct)
    {
        form = BeforeAsking(form);
        var next = Slots.FirstOrDefault(s => s.Applies(form) && !s.Optional && !Has(form, s));
        if (next is not null)
        {
            var choices = next.Choices is null ? null : await next.Choices(turn, form, ct);
            var sameQuestion = form.Step == next.Name;
            turn.Continue(form with { Step = next.Name, Choices = choices, Misses = sameQuestion ? form.Misses : 0 });
            var question = prefix is null ? next.Question : prefix + next.Question;
            return choices is { Count: > 0 }
                ? Reply.Of(new ChoicesPart(question, choices))
                : Reply.Text(question);
        }

        var check = await BeforeConfirmAsync(turn, form, ct);
        if (check.Interjection is { } interjection) return interjection;
        form = check.Form;

        if (!NeedsConfirmation)
        {
            turn.EndDialog();
            return await CompleteAsync(turn, form, ct);
        }

        turn.Continue(form with { Step = DialogState.ConfirmStep, Choices = null, Misses = 0 });
        return Reply.Text((prefix ?? "") + Summary(form) + "\n" + ConfirmQuestion(form));
    }

    protected virtual async Task<Reply> ConfirmAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        // "不对，是5号楼" at the summary carries its own correction: take it rather than asking what to change.
        var corrected = FillFromEntities(turn, form, overwrite: true);
        if (!ReferenceEquals(corrected, form)) return await AdvanceAsync(turn, corrected, "已改好。", ct);

        switch (YesNo.Read(turn.Text))
        {
            case Answer.Yes:
                turn.EndDialog();
                return await CompleteAsync(turn, form, ct);
            case Answer.No:
                var titles = ChangeableSlots(form).Select(s => s.Title).ToList();
                turn.Continue(form with { Step = FixStep, Choices = titles });
                return Reply.Of(new ChoicesPart("要改哪一项？", titles));
        }

        turn.Continue(form);
        return Reply.Text("请回复「是」确认，或回复「改」修改，不办了就回复「取消」。");
    }

    private async Task<Reply> FixAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        var changeable = ChangeableSlots(form);
        if (form.Choices is { } titles && ChoiceMatcher.Read(turn.Text, titles).Index is { } index)
        {
            var slot = changeable.First(s => s.Title == titles[index]);
            var cleared = form.Without(slot.Name).Without(slot.Name + DisplaySuffix);
            foreach (var reset in slot.Resets) cleared = cleared.Without(reset).Without(reset + DisplaySuffix);
            // An optional slot would be skipped by the normal order; ask it explicitly.
            if (slot.Optional)
            {
                var choices = slot.Choices is null ? null : await slot.Choices(turn, cleared, ct);
                turn.Continue(cleared with { Step = slot.Name, Choices = choices });
                return choices is { Count: > 0 } ? Reply.Of(new ChoicesPart(slot.Question, choices)) : Reply.Text(slot.Question);
            }
            return await AdvanceAsync(turn, cleared with { Step = null }, null, ct);
        }

        var corrected = FillFromEntities(turn, form, overwrite: true);
        if (!ReferenceEquals(corrected, form)) return await AdvanceAsync(turn, corrected, "已改好。", ct);
        turn.Continue(form);
        return Reply.Of(new ChoicesPart("请回复要改的那一项的序号：", form.Choices ?? []));
    }

    private async Task<Reply> MissAsync(TurnContext turn, DialogState form, Slot? slot, CancellationToken ct)
    {
        var misses = form.Misses + 1;
        var hint = misses >= MissesBeforeHint
            ? "还是没看明白。可以换个说法，或者回复「取消」先不办了。\n"
            : slot is null ? "没太明白。" : $"没太明白，可以这样回复：{slot.Example}\n";
        return await AdvanceAsync(turn, form with { Misses = misses }, hint, ct);
    }

    private IEnumerable<Slot> ChangeableSlots(DialogState form) => Slots.Where(s => s.Applies(form) && s.Question.Length > 0);

    private string Summary(DialogState form)
    {
        var text = new StringBuilder(HeadingFor(form));
        foreach (var slot in Slots)
        {
            if (!slot.Applies(form) || DisplayOf(form, slot.Name) is not { } value) continue;
            text.Append('\n').Append(slot.Title).Append('：').Append(Quote.Short(value));
        }
        return text.ToString();
    }
}
