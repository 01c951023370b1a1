using System.Text.RegularExpressions;
using GovBot.Data.Services;
using GovBot.Skills.Conversation;
using GovBot.Skills.Conversation.Forms;
using GovBot.Skills.Nlu;

namespace GovBot.Skills.Services;

/// <summary>
/// 预约理发 / 周六有义诊吗: lists the open services (narrowed by the service and day said), books a slot in a couple of
/// turns and answers with the booking code; a full slot offers the next free one or the waitlist. 取消我的预约 cancels
/// (the first on the waitlist moves up and is told). Staff say 核销 Y1001 to check a person in.
/// </summary>
public sealed partial class ServiceSkill(BookingService bookings, TimeProvider time) : ISkill
{
    private const string ItemStep = "item", SlotStep = "slot", FullStep = "full", CancelPickStep = "cancel-pick";
    private const string CancelStep = "cancel-confirm";
    private const string SlotIds = "slots", Chosen = "slot", Next = "next", Service = "service", Day = "day", BookingId = "booking";

    public string Name => "services";
    public IReadOnlyCollection<string> Intents { get; } = [Nlu.Intents.BookService];
    public MenuEntry? Menu => new("预约志愿服务", "预约理发", Order: 40);
    public string Topic => "预约";

    [GeneratedRegex(@"[YyＹ]\s*(\d{4,6})")]
    private static partial Regex CodeRegex();

    public async Task<Reply> StartAsync(TurnContext turn, CancellationToken ct)
    {
        var text = turn.Text;
        if (text.Contains("核销", StringComparison.Ordinal))
            return CodeRegex().Match(text) is { Success: true } m
                ? Reply.Text((await bookings.CheckInAsync(BookingService.CodePrefix + m.Groups[1].Value, turn.User, ct)).Text)
                : Reply.Text("请连预约号一起发，比如「核销 Y1001」。");
        if (text.Contains("取消", StringComparison.Ordinal) || text.Contains("不去了", StringComparison.Ordinal))
            return await StartCancelAsync(turn, ct);

        var service = turn.Nlu?.Find(Entities.Service);
        var when = turn.Nlu.FindDate();
        var slots = await bookings.OpenSlotsAsync(service, when, ct);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(ServiceWording.China).DateTime);
        if (slots.Count == 0)
        {
            var all = await bookings.OpenSlotsAsync(null, null, ct);
            var asked = (when?.Describe(today) ?? "近期") + (service ?? "志愿服务");
            if (all.Count == 0) return Reply.Text($"{asked}暂时没有安排，有新的活动会在这里通知您。");
            return AskItem(turn, all, $"{asked}暂时没有。最近能预约的有：");
        }
        var items = slots.Select(s => s.Item!.Name).Distinct().ToList();
        if (items.Count == 1) return AskSlot(turn, slots, null);
        // "下周有什么活动": name the days and the events before the list, so the answer reads as an answer.
        var prompt = when is { } w
            ? $"{w.Describe(today)}有{string.Join("、", slots.Select(s => s.Item!.Event!.Title).Distinct())}，能预约的有："
            : "最近能预约的志愿服务：";
        return AskItem(turn, slots, prompt);
    }

    private Reply AskItem(TurnContext turn, List<ServiceSlot> slots, string prompt)
    {
        var now = time.GetUtcNow();
        var items = slots.GroupBy(s => s.Item!.Name).ToList();
        var options = items.Select(g =>
        {
            var first = g.First();
            return $"{g.Key}（{ServiceWording.Day(first.StartsAt, now)}，{first.Item!.Event!.Place}）";
        }).ToList();
        turn.Continue(new DialogState { Skill = Name, Step = ItemStep, StartedAt = turn.Now, Choices = items.Select(g => g.Key).ToList() });
        return Reply.Of(new ChoicesPart(prompt, options), new TextPart("想约哪一项？回复序号就行。"));
    }

    private Reply AskSlot(TurnContext turn, List<ServiceSlot> slots, string? lead)
    {
        var now = time.GetUtcNow();
        var first = slots[0];
        var head = (lead ?? "") + $"{first.Item!.Event!.Title}的{first.Item.Name}（{first.Item.Event.Place}）";
        if (slots.Count == 1) return AskConfirm(turn, first, lead);
        var state = new DialogState { Skill = Name, Step = SlotStep, StartedAt = turn.Now, Choices = slots.Select(s => ServiceWording.When(s, now)).ToList() }
            .With(SlotIds, string.Join(',', slots.Select(s => s.Id)));
        turn.Continue(state);
        return Reply.Of(new ChoicesPart(head + "，有这些时段：", slots.Select(s => $"{ServiceWording.When(s, now)}（{ServiceWording.Left(s)}）").ToList()),
            new TextPart("约哪个时段？回复序号就行。"));
    }

    private Reply AskConfirm(TurnContext turn, ServiceSlot slot, string? lead)
    {
        var now = time.GetUtcNow();
        turn.Continue(new DialogState { Skill = Name, Step = DialogState.ConfirmStep, StartedAt = turn.Now }.With(Chosen, slot.Id.ToString()));
        var text = (lead ?? "") + $"请确认预约：\n服务：{slot.Item!.Name}（{slot.Item.Event!.Title}）\n时间：{ServiceWording.When(slot, now)}\n地点：{slot.Item.Event.Place}\n"
            + (slot.Booked >= slot.Capacity ? "这个时段已约满，确认后为您排候补。\n" : "")
            + "回复「是」确认，回复「取消」不约了。";
        return Reply.Text(text);
    }

    public async Task<Reply> ContinueAsync(TurnContext turn, CancellationToken ct)
    {
        var form = turn.Dialog!;
        switch (form.Step)
        {
            case ItemStep:
            {
                if (Pick(turn, form) is not { } i)
                {
                    // 「下礼拜呢」「有义诊没」: another day or service asked at the list is a new look, not a bad pick.
                    if (turn.Nlu?.Find(Entities.DateTime) is not null || turn.Nlu?.Find(Entities.Service) is not null)
                        return await StartAsync(turn, ct);
                    return Unpicked(turn, form, "回复序号选一项，比如「1」；不约了回复「取消」。");
                }
                var slots = await bookings.OpenSlotsAsync(form.Choices![i], null, ct);
                if (slots.Count == 0) { turn.EndDialog(); return Reply.Text("这项服务刚刚约完了，下次有活动再通知您。"); }
                return AskSlot(turn, slots, null);
            }
            case SlotStep:
            {
                if (Pick(turn, form) is not { } i) return Unpicked(turn, form, "回复序号选一个时段，比如「1」。");
                var id = int.Parse(form.Slot(SlotIds)!.Split(',')[i]);
                if (await bookings.SlotAsync(id, ct) is not { } slot) { turn.EndDialog(); return Reply.Text("这个时段已经取消了，回复「预约」看看别的时间。"); }
                return slot.Booked >= slot.Capacity ? await OfferAlternativeAsync(turn, slot, ct) : AskConfirm(turn, slot, null);
            }
            case DialogState.ConfirmStep:
                // 「不对，要十点的」: another time of the same service, not "don't book".
                if (ChoiceMatcher.NamesTime(turn.Text) && await OtherTimeAsync(turn, int.Parse(form.Slot(Chosen)!), confirm: true, ct) is { } moved) return moved;
                return YesNo.Read(turn.Text) switch
                {
                    Answer.Yes => await BookAsync(turn, int.Parse(form.Slot(Chosen)!), waitlist: false, ct),
                    Answer.No => End(turn, "好的，这次不约了。想约的时候再跟我说。"),
                    _ => Again(turn, form, "回复「是」确认预约，回复「取消」不约了。"),
                };
            case FullStep:
            {
                var wantsQueue = turn.Text.Contains("候补", StringComparison.Ordinal) || turn.Text.Contains("排队", StringComparison.Ordinal);
                if (wantsQueue) return await BookAsync(turn, int.Parse(form.Slot(Chosen)!), waitlist: true, ct);
                // 「那就十点的吧」: the resident picks another time of the same service themselves.
                if (ChoiceMatcher.NamesTime(turn.Text) && await OtherTimeAsync(turn, int.Parse(form.Slot(Chosen)!), confirm: false, ct) is { } picked) return picked;
                var answer = YesNo.Read(turn.Text);
                if (answer == Answer.Yes && form.Slot(Next) is { } next) return await BookAsync(turn, int.Parse(next), waitlist: false, ct);
                if (answer == Answer.No) return End(turn, "好的，这次不约了。");
                return Again(turn, form, form.Slot(Next) is null ? "回复「候补」排队，回复「取消」不约了。" : "回复「是」改约，回复「候补」排队，回复「取消」不约了。");
            }
            case CancelPickStep:
            {
                if (Pick(turn, form) is not { } i) return Unpicked(turn, form, "回复序号选要取消的预约。");
                var id = int.Parse(form.Slot(SlotIds)!.Split(',')[i]);
                return await CancelAsync(turn, id, ct);
            }
            case CancelStep:
                return YesNo.Read(turn.Text) switch
                {
                    Answer.Yes => await CancelAsync(turn, int.Parse(form.Slot(BookingId)!), ct),
                    Answer.No => End(turn, "好的，预约保留着。"),
                    _ => Again(turn, form, "回复「是」取消这个预约，回复「不」保留。"),
                };
            default:
                return End(turn, "这个预约找不到了，请重新说一下想约什么。");
        }
    }

    private async Task<Reply> BookAsync(TurnContext turn, int slotId, bool waitlist, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var outcome = await bookings.BookAsync(turn.User, slotId, waitlist, ct);
        switch (outcome.Result)
        {
            case BookingResult.Booked:
                turn.EndDialog();
                var b = outcome.Booking!;
                return Reply.Text($"预约成功！预约号 {b.Code}\n{ServiceWording.Describe(b, now)}。\n到场时出示预约号；去不了请回复「取消我的预约」，把名额让给别人。");
            case BookingResult.Waitlisted:
                turn.EndDialog();
                var w = outcome.Booking!;
                return Reply.Text($"已为您排上候补，候补号 {w.Code}\n{ServiceWording.Describe(w, now)}。\n有人取消会马上为您约上并通知您。");
            case BookingResult.Overlap:
                turn.EndDialog();
                var c = outcome.Clash!;
                return Reply.Text($"您已经约了{ServiceWording.Describe(c, now)}（{c.Code}），时间冲突，不能再约这个时段。想换的话先回复「取消我的预约」。");
            case BookingResult.Full when await bookings.SlotAsync(slotId, ct) is { } full:
                return await OfferAlternativeAsync(turn, full, ct);
            case BookingResult.Full or BookingResult.Cancelled:
                return End(turn, "这个时段已经取消了，回复「预约」看看别的时间。");
            default:
                return End(turn, "这个时段已经过了，换一个吧：说「预约" + ((await bookings.SlotAsync(slotId, ct))?.Item?.Name ?? "") + "」再看看。");
        }
    }

    private async Task<Reply> OfferAlternativeAsync(TurnContext turn, ServiceSlot full, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var next = await bookings.NextFreeAsync(full, turn.User.Id, ct);
        var state = new DialogState { Skill = Name, Step = FullStep, StartedAt = turn.Now }.With(Chosen, full.Id.ToString());
        if (next is not null) state = state.With(Next, next.Id.ToString());
        turn.Continue(state);
        var text = $"{ServiceWording.When(full, now)}的{full.Item!.Name}已经约满了。"
            + (next is null
                ? "后面也没有空的时段了。回复「候补」排队，有人取消就为您约上；回复「取消」不约了。"
                : $"{ServiceWording.When(next, now)}还有名额，回复「是」改约这个时段，回复「候补」排队等原时段。");
        return Reply.Text(text);
    }

    private async Task<Reply> StartCancelAsync(TurnContext turn, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var mine = await bookings.ActiveAsync(turn.User.Id, ct);
        if (CodeRegex().Match(turn.Text) is { Success: true } m)
            mine = mine.Where(b => b.Code == BookingService.CodePrefix + m.Groups[1].Value).ToList();
        if (mine.Count == 0) return Reply.Text("您现在没有要取消的预约。");
        if (mine.Count == 1)
        {
            var b = mine[0];
            turn.Continue(new DialogState { Skill = Name, Step = CancelStep, StartedAt = turn.Now }.With(BookingId, b.Id.ToString()));
            return Reply.Text($"要取消{ServiceWording.Describe(b, now)}（{b.Code}）吗？回复「是」取消。");
        }
        var options = mine.Select(b => $"{ServiceWording.Describe(b, now)}（{b.Code}）").ToList();
        turn.Continue(new DialogState { Skill = Name, Step = CancelPickStep, StartedAt = turn.Now, Choices = options }
            .With(SlotIds, string.Join(',', mine.Select(b => b.Id))));
        return Reply.Of(new ChoicesPart("您有这些预约：", options), new TextPart("取消哪一个？回复序号。"));
    }

    private async Task<Reply> CancelAsync(TurnContext turn, int bookingId, CancellationToken ct)
    {
        turn.EndDialog();
        var now = time.GetUtcNow();
        var booking = (await bookings.ActiveAsync(turn.User.Id, ct)).FirstOrDefault(b => b.Id == bookingId);
        if (booking is null) return Reply.Text("这个预约已经取消了。");
        await bookings.CancelAsync(booking, ct);
        return Reply.Text($"已取消{ServiceWording.Describe(booking, now)}（{booking.Code}）。名额已经让给排队的人，谢谢您。");
    }

    public Task<Reply> OnButtonAsync(TurnContext turn, string action, CancellationToken ct) => Task.FromResult(Reply.Text("这个按钮已经失效了。"));

    /// <summary>The option picked: by number, position, time or words, or by the service it names (「修车的」 is 车辆检修).</summary>
    private static int? Pick(TurnContext turn, DialogState form)
    {
        var options = form.Choices ?? [];
        if (ChoiceMatcher.Read(turn.Text, options).Index is { } index) return index;
        return turn.Nlu?.Find(Entities.Service) is { } service
            && options.Select((o, i) => (o, i)).Where(x => x.o.StartsWith(service, StringComparison.Ordinal)).ToList() is [var only]
            ? only.i
            : null;
    }

    /// <summary>
    /// Not one of the list: when the answer fits several (「九点的」 with two nine o'clock slots), ask which; when it names a
    /// time none has (「下午的有没有」), say so and show what there is; else the hint.
    /// </summary>
    private static Reply Unpicked(TurnContext turn, DialogState form, string hint)
    {
        var options = form.Choices ?? [];
        var reading = ChoiceMatcher.Read(turn.Text, options);
        if (reading.IsAmbiguous) return Again(turn, form, ChoiceMatcher.WhichOf(reading, options));
        if (ChoiceMatcher.TimeWords(turn.Text) is { } said && options.Count > 0)
            return Again(turn, form, $"没有{said}的，现在能约的有这些：\n" + string.Join("\n", options.Select((o, i) => $"{i + 1}. {o}")) + "\n回复序号选一个。");
        return Again(turn, form, hint);
    }

    /// <summary>
    /// The slot of the same service at the time the resident names instead of <paramref name="slotId"/>'s: asked to confirm
    /// again when the resident was correcting a summary, booked at once when they were picking a time after a full one.
    /// </summary>
    private async Task<Reply?> OtherTimeAsync(TurnContext turn, int slotId, bool confirm, CancellationToken ct)
    {
        if (await bookings.SlotAsync(slotId, ct) is not { Item: { } item }) return null;
        var now = time.GetUtcNow();
        var slots = await bookings.OpenSlotsAsync(item.Name, null, ct);
        var options = slots.Select(s => ServiceWording.When(s, now)).ToList();
        if (ChoiceMatcher.Read(turn.Text, options).Index is not { } i || slots[i].Id == slotId) return null;
        if (slots[i].Booked >= slots[i].Capacity) return await OfferAlternativeAsync(turn, slots[i], ct);
        return confirm ? AskConfirm(turn, slots[i], null) : await BookAsync(turn, slots[i].Id, waitlist: false, ct);
    }

    private static Reply Again(TurnContext turn, DialogState form, string hint)
    {
        turn.Continue(form with { Misses = form.Misses + 1 });
        return Reply.Text(hint);
    }

    private static Reply End(TurnContext turn, string text)
    {
        turn.EndDialog();
        return Reply.Text(text);
    }
}
