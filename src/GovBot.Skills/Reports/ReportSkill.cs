using System.Globalization;
using System.Text.RegularExpressions;
using GovBot.Data;
using GovBot.Data.Places;
using GovBot.Data.Reference;
using GovBot.Data.Reports;
using GovBot.Skills.Conversation;
using GovBot.Skills.Conversation.Forms;
using GovBot.Skills.Nlu;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Reports;

/// <summary>
/// 说事 for residents: one sentence, a photo or a location is often enough. The skill fills in what it
/// can (the resident's compound, a building named in the sentence, the category), asks only for what is
/// missing, offers to join a neighbour's open report of the same problem, and files it with a ticket.
/// Ratings come back here as taps on the result card.
/// </summary>
public sealed partial class ReportSkill(
    GovBotDb db, ReportService reports, ReferenceData reference, IEnumerable<IMissedTurns> missed, IOptions<ReportOptions> options) : FormSkill
{
    private const string What = "what", Category = "category", Compound = "compound", Place = "place", Photos = "photos", Attached = "attached";
    private const string DuplicateStep = "duplicate", CommentStep = "comment";
    private const string TwinSlot = "twin", SeparateSlot = "separate", BuildingIdSlot = "buildingId", CompoundIdSlot = "compoundId";
    private const string LatSlot = "lat", LngSlot = "lng", ReportSlot = "report", UnsureSlot = "unsure", PlaceNoteSlot = "placeNote";
    private static readonly string[] TwinChoices = ["一起跟进", "单独上报"];
    private static readonly string[] GenericWords = ["我要", "我想", "想要", "反映", "问题", "投诉", "举报", "说事", "随手拍", "报个事", "一下", "一个", "个", "有", "事情", "事", "帮忙", "请问"];

    public override string Name => "reports";
    public override IReadOnlyCollection<string> Intents { get; } = [Nlu.Intents.ReportProblem];
    public override MenuEntry? Menu => new("反映问题（说事、随手拍）", "3号楼楼道堆满了杂物", Order: 10);
    public override string Topic => "上报";

    protected override string ConfirmHeading => "要上报的问题：";

    protected override IReadOnlyList<Slot> Slots =>
    [
        new(What, "问题", "请说说是什么问题？比如「楼道里堆满了杂物」。", "5号楼门口天天有人乱停车")
        {
            Parse = (_, _, text, _) => Task.FromResult(Describes(text) ? SlotValue.Of(Trim(text)) : null),
        },
        new(Category, "类别", "这属于哪一类？", "1 或「乱停乱放」")
        {
            Choices = async (_, _, ct) => (await CategoriesAsync(ct)).Select(c => c.Name).ToList(),
            FromEntities = (nlu, _) => nlu.Find(Entities.Category) is { } c && c != DefaultCategories.OtherCategory ? SlotValue.Of(c) : null,
        },
        new(Compound, "小区", "在哪个小区？", "清华苑一期")
        {
            Optional = true,
            FromEntities = (nlu, _) => nlu.Find(Entities.Compound) is { } c ? SlotValue.Of(c) : null,
            Resets = [BuildingIdSlot],
        },
        new(Place, "位置", "在哪儿？说楼号（比如「5号楼」）或地点（比如「东门口」），也可以直接发个位置。", "3号楼 或 小区东门")
        {
            Parse = async (turn, _, text, ct) => ReadPlace(turn, text, await reference.GetAsync(ct)),
            FromEntities = (nlu, _) => nlu.Find(Entities.Building) is { } n ? new SlotValue("n:" + n, n + "号楼") : null,
            Resets = [BuildingIdSlot],
        },
        new(Photos, "照片", "", "") { Optional = true },
        new(Attached, "附件", "", "") { Optional = true },
    ];

    protected override async Task<DialogState> PrepareAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        if (turn.Message.Kind == MessageKind.Text && Describes(turn.Text)) form = form.With(What, Trim(turn.Text));
        // The resident's home is only the default: a compound named in the sentence (or proposed by a model) wins.
        if (turn.Nlu?.Find(Entities.Compound) is null && turn.User.CompoundId is { } home && await CompoundAsync(home, ct) is { } compound)
            form = form.With(Compound, compound.Name);
        // 「我们这栋楼」「我家楼下」「我们单元」: the resident's own building and entrance, when nothing else is named.
        if (turn.Message.Kind == MessageKind.Text && turn.Nlu?.Find(Entities.Building) is null && turn.Nlu?.Find(Entities.Compound) is null
            && OwnPlace.Of(turn.User, turn.Text, await reference.GetAsync(ct)) is { } own)
            form = WithOwnPlace(form, own);
        // 「东门口有人摆摊」: a landmark said in the sentence is the place; no need to ask 「在哪儿？」.
        else if (turn.Message.Kind == MessageKind.Text && turn.Nlu?.Find(Entities.Building) is null && Landmark().Match(turn.Text) is { Success: true } landmark)
            form = form.With(Place, "note:" + landmark.Value).With(Place + "#", landmark.Value);
        // The router was not sure this is a report: the summary then asks whether to report it at all.
        if (turn.Nlu?.Intent is { Name: Nlu.Intents.ReportProblem } intent && turn.Nlu.Router != RuleIntentRouter.RouterName
            && intent.Confidence < IntentRouter.MinConfidence)
            form = form.With(UnsureSlot, intent.Confidence.ToString(CultureInfo.InvariantCulture));
        return form;
    }

    private static DialogState WithOwnPlace(DialogState form, OwnPlace own)
    {
        form = form.With(Place, "n:" + own.BuildingNumber).With(Place + "#", own.Display);
        return own.UnitNote is { } unit ? form.With(PlaceNoteSlot, unit) : form;
    }

    protected override async Task<DialogState> AbsorbAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        var m = turn.Message;
        if (m.Kind == MessageKind.Image && m.MediaId is { } media)
        {
            var photos = (form.Slot(Photos) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Append(media + "|" + m.PicUrl).ToList();
            form = form.With(Photos, string.Join(';', photos)).With(Photos + "#", $"{photos.Count}张");
        }
        if (m.Kind == MessageKind.Voice && m.MediaId is { } voice) form = ReportAttachments.Add(form, Attached, voice, ReportMediaKind.Voice, null);
        if (m is { Kind: MessageKind.Video or MessageKind.File, MediaId: { } file, Refusal: null })
            form = ReportAttachments.Add(form, Attached, file, m.Kind == MessageKind.Video ? ReportMediaKind.Video : ReportMediaKind.File, m.FileName);
        if (m.Kind == MessageKind.Location && m.Location is { } at) form = await AbsorbLocationAsync(form, at, ct);
        return form;
    }

    public override async Task<Reply> ContinueAsync(TurnContext turn, CancellationToken ct)
    {
        // A whole complaint typed at the category list is a new report, not the category its words happen to name.
        if (turn.Dialog is { Step: Category } asked && turn.Message.Kind == MessageKind.Text && turn.Text.Length >= NewReportLength
            && Describes(turn.Text) && asked.Slot(What) is { } first && ProblemSimilarity.Same(first, turn.Text) != true)
            return turn.Decline();
        switch (turn.Dialog?.Step)
        {
            case DuplicateStep:
                return await DecideOnTwinAsync(turn, turn.Dialog, ct);
            case CommentStep:
                return await CommentAsync(turn, turn.Dialog, ct);
            case BuildingStep:
                return await PickBuildingAsync(turn, turn.Dialog, ct);
            case What when turn.Message.Kind == MessageKind.Text && Urgent.Advice(turn.Text) is { } advice:
                return Reply.Text(advice).Then(await base.ContinueAsync(turn, ct));
            // A voice not turned into words: kept with the report for the grid worker to hear, and a few typed words asked for.
            case not DialogState.ConfirmStep when turn.Message is { Kind: MessageKind.Voice, MediaId: not null }:
                return Reply.Text(ReportAttachments.VoiceKept).Then(await base.ContinueAsync(turn, ct));
            // A video or file: attached, or refused (too large, a type not taken) with nothing kept.
            case not DialogState.ConfirmStep when turn.Message.Kind is MessageKind.Video or MessageKind.File:
                return Reply.Text(turn.Message.Refusal ?? (turn.Message.Kind == MessageKind.Video ? "视频收到了" : "文件收到了") + "，已附在这次反映里。")
                    .Then(await base.ContinueAsync(turn, ct));
            default:
                return await base.ContinueAsync(turn, ct);
        }
    }

    public override async Task<Reply> StartAsync(TurnContext turn, CancellationToken ct)
    {
        var reply = await base.StartAsync(turn, ct);
        // A photo alone starts the report with a word of thanks rather than a bare question.
        if (turn.Message.Kind is MessageKind.Image or MessageKind.Location)
            return Reply.Text(turn.Message.Kind == MessageKind.Image ? "收到照片了。" : "收到位置了。").Then(reply);
        // Fire, gas, someone trapped or hurt: the emergency number comes before any question.
        return turn.Message.Kind == MessageKind.Text && Urgent.Advice(turn.Text) is { } advice ? Reply.Text(advice).Then(reply) : reply;
    }

    private static readonly string[] CorrectionWords = ["不对", "不是", "改", "应该", "是", "错了", "写错", "位置", "类别", "地点", "问题是"];

    private static bool IsAnotherProblem(TurnContext turn, DialogState form) =>
        turn.Message.Kind == MessageKind.Text && turn.Nlu?.Intent.Name == Nlu.Intents.ReportProblem
        && turn.Text.Length >= NewReportLength - 4 && Describes(turn.Text)
        && !CorrectionWords.Any(w => turn.Text.StartsWith(w, StringComparison.Ordinal))
        && form.Slot(What) is { } first && ProblemSimilarity.Same(first, turn.Text) != true;

    /// <summary>A message this long at the category list is a complaint of its own.</summary>
    private const int NewReportLength = 12;

    protected override string HeadingFor(DialogState form) =>
        (form.Slot(UnsureSlot) is null ? ConfirmHeading : "要把这件事反映给网格员吗？") + ShortenedNote(form);

    /// <summary>Said at the summary when the resident's words ran past what is kept, so the cut is never silent.</summary>
    private static string ShortenedNote(DialogState form) => form.Slot(What)?.Length >= ReportLimits.MaxDescription
        ? $"（您写得很长，只记下了前{ReportLimits.MaxDescription}字）"
        : "";

    protected override string ConfirmQuestion(DialogState form) => form.Slot(UnsureSlot) is null
        ? base.ConfirmQuestion(form)
        : "回复「是」上报，要修改回复「改」，不用反映就回复「不用」。";

    protected override async Task<Reply> ConfirmAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        if (PlaceCorrection(turn) is { } place)
            return await ResumeAsync(turn, form.With(Place, "note:" + place).With(Place + "#", place).Without(BuildingIdSlot) with { Step = null }, "已改好。", ct);
        return await ConfirmOrDeclineAsync(turn, form, ct);
    }

    /// <summary>「北门」「小区中间那个广场」 alone at the summary: the place, corrected.</summary>
    private static string? PlaceCorrection(TurnContext turn)
    {
        var t = turn.Text.Trim();
        if (turn.Message.Kind != MessageKind.Text || t.Length is < 2 or > 12 || YesNo.Read(t) != Answer.Unclear) return null;
        if (turn.Nlu?.Find(Entities.Building) is not null || turn.Nlu?.Find(Entities.Category) is not null) return null;
        return Landmark().IsMatch(t) || (t.Length <= 8 && PlaceWords.Any(w => t.Contains(w, StringComparison.Ordinal)) && !Describes(t)) ? t : null;
    }

    private Task<Reply> ConfirmOrDeclineAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        // Another problem described at the summary (「消访通道让人堵了，8号楼那边」 under a lift report) is a report of its
        // own, not a correction of this one: a correction says so (「不对，是5号楼」) or is a value alone (「5号楼」).
        if (IsAnotherProblem(turn, form)) return Task.FromResult(turn.Decline());
        // Asked whether to report at all, 「不是」「不用」 means no report, not "change something".
        var t = ChoiceMatcher.Normalize(turn.Text);
        if (form.Slot(UnsureSlot) is not null && (t is "不用" or "不用了" or "不了" or "不要" or "算了"
            || (YesNo.Read(turn.Text) == Answer.No && !t.StartsWith('改') && !t.StartsWith("修改", StringComparison.Ordinal))))
        {
            // 「不是」「不对」: the bot's guess was wrong (「不用」「算了」 only turn the report down), so what was said goes
            // to 「待学习」 for staff to say what it meant.
            if (t is not ("不用" or "不用了" or "不了" or "不要" or "算了") && form.Slot(What) is { } said)
                foreach (var log in missed)
                    log.Note(turn, said, Nlu.Intents.ReportProblem, double.TryParse(form.Slot(UnsureSlot), CultureInfo.InvariantCulture, out var c) ? c : 0);
            turn.EndDialog();
            return Task.FromResult(Reply.Text("好的，这件事先不反映。还有别的需要，直接跟我说。"));
        }
        return base.ConfirmAsync(turn, form, ct);
    }

    // Not sure it is a report and no category said: 其他, rather than make the resident pick from a list before asking
    // whether they want to report it at all.
    protected override DialogState BeforeAsking(DialogState form)
    {
        if (form.Slot(UnsureSlot) is not null && form.Slot(Category) is null) form = form.With(Category, DefaultCategories.OtherCategory);
        return form;
    }

    protected override async Task<FormCheck> BeforeConfirmAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        var compound = await ResolveCompoundAsync(turn, form, ct);
        if (compound is null)
        {
            return Stop(turn, form.Without(Compound) with { Step = Compound, Choices = null },
                Reply.Text("没找到这个小区，问题在哪个小区？说小区名字就行，比如「清华苑一期」。"));
        }
        form = form.With(CompoundIdSlot, compound.Id.ToString(CultureInfo.InvariantCulture));
        if (AskBuilding(turn, form, compound, await reference.GetAsync(ct)) is { } ask) return ask;

        if (form.Slot(Place) is { } place && place.StartsWith("n:", StringComparison.Ordinal))
        {
            var number = int.Parse(place[2..], CultureInfo.InvariantCulture);
            var building = (await reference.GetAsync(ct)).Building(compound.Id, number);
            if (building is null)
            {
                return Stop(turn, form.Without(Place).Without(Place + "#") with { Step = Place, Choices = null },
                    Reply.Text($"{compound.Name}没找到{number}号楼。问题在哪儿？说楼号或地点就行。"));
            }
            form = form.With(BuildingIdSlot, building.Id.ToString(CultureInfo.InvariantCulture));
        }

        if (form.Slot(SeparateSlot) is null && await FindTwinAsync(form, ct) is { } twin)
        {
            return Stop(turn, form.With(TwinSlot, twin.Id.ToString(CultureInfo.InvariantCulture)) with
            {
                Step = DuplicateStep,
                Choices = TwinChoices,
            }, Reply.Of(new ChoicesPart(
                $"{ReportWording.Local(twin.CreatedAt)}已经有邻居反映了{ReportWording.Place(twin)}的{twin.Category!.Name}（编号 {twin.Ticket}，{ReportWording.Status(twin.Status)}）。要一起跟进吗？",
                TwinChoices)));
        }

        return FormCheck.Pass(form);
    }

    private static FormCheck Stop(TurnContext turn, DialogState next, Reply reply)
    {
        turn.Continue(next);
        return FormCheck.Stop(next, reply);
    }

    protected override async Task<Reply> CompleteAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        // Filing writes: a turn tried read-only stops here, before reading anything more for it.
        db.EnsureWritable();
        var category = (await CategoriesAsync(ct)).First(c => c.Name == form.Slot(Category));
        var compoundId = int.Parse(form.Slot(CompoundIdSlot)!, CultureInfo.InvariantCulture);
        var compound = await CompoundAsync(compoundId, ct) ?? throw new InvalidOperationException($"Compound {compoundId} is gone.");
        var place = form.Slot(Place) ?? "";
        var report = await reports.FileAsync(new NewReport(category.Id, form.Slot(What)!, compound.CommunityId)
        {
            CompoundId = compound.Id,
            BuildingId = form.Slot(BuildingIdSlot) is { } b ? int.Parse(b, CultureInfo.InvariantCulture) : null,
            PlaceNote = place.StartsWith("note:", StringComparison.Ordinal) ? place[5..] : form.Slot(PlaceNoteSlot),
            LocationLabel = place.StartsWith("loc:", StringComparison.Ordinal) ? place[4..] : form.Slot(LabelSlot),
            Latitude = Number(form.Slot(LatSlot)),
            Longitude = Number(form.Slot(LngSlot)),
            Photos = (form.Slot(Photos) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('|')).Select(p => (p[0], p.Length > 1 && p[1].Length > 0 ? p[1] : null)).ToList(),
            Attachments = ReportAttachments.Read(form.Slot(Attached)),
        }, turn.User, ct);

        var handler = report.GridId is { } grid ? (await reference.GetAsync(ct)).WorkersOf(grid).Select(w => w.Name).ToList() : [];
        var who = handler.Count > 0 ? $"网格员{string.Join("、", handler)}" : "社区工作人员";
        return Reply.Text($"已上报！编号 {report.Ticket}，查进度时说「查进度 {report.Ticket}」就行。{who}会尽快处理，有进展第一时间告诉您。");
    }

    public override async Task<Reply> OnButtonAsync(TurnContext turn, string action, CancellationToken ct)
    {
        var parts = action.Split(':');
        if (parts is not ["rate", var idText, var starsText]
            || !int.TryParse(idText, out var id) || !int.TryParse(starsText, out var stars)
            || await reports.FindAsync(id, ct) is not { } report)
            return Reply.Text("这个按钮已经失效了。");

        var result = await reports.RateAsync(report, turn.User, stars, ct);
        if (!result.Done) return Reply.Text(result.Refusal!);
        if (turn.Message.ResponseCode is { } code)
            await db.EnqueuePushAsync(new OutboxPush(new CardUpdate($"{ReportService.CardTaskPrefix}{report.Id}-rate", $"已评价：{ReportWording.Stars(stars)}", code), []),
                turn.Now, ct);
        turn.Continue(new DialogState { Skill = Name, Step = CommentStep, StartedAt = turn.Now }.With(ReportSlot, idText));
        return Reply.Text($"谢谢您的评价（{ReportWording.Stars(stars)}）！还有想对网格员说的，直接回复就行；没有的话回复「没有」。");
    }

    private async Task<Reply> CommentAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        turn.EndDialog();
        var text = turn.Text;
        if (text.Length == 0 || YesNo.Read(text) == Answer.No || text is "没有" or "没了" or "没" or "不用" or "不用了")
            return Reply.Text("好的，感谢您对社区工作的支持！");
        if (int.TryParse(form.Slot(ReportSlot), out var id) && await reports.FindAsync(id, ct) is { } report)
            reports.AddRatingComment(report, text);
        return Reply.Text("收到，已转告网格员。感谢您对社区工作的支持！");
    }

    private async Task<IReadOnlyList<ReportCategory>> CategoriesAsync(CancellationToken ct) => (await reference.GetAsync(ct)).Categories;

    /// <summary>Whether the text says what is wrong, beyond "I want to report something".</summary>
    private static bool Describes(string text)
    {
        var rest = text;
        foreach (var word in GenericWords) rest = rest.Replace(word, "", StringComparison.Ordinal);
        return rest.Count(char.IsLetterOrDigit) >= 3;
    }

    /// <summary>The resident's words are kept whole, up to a bound that only guards the store against abuse.</summary>
    private static string Trim(string text) => text.Length > ReportLimits.MaxDescription ? text[..ReportLimits.MaxDescription] : text.Trim();

    private static double? Number(string? s) => double.TryParse(s, CultureInfo.InvariantCulture, out var d) ? d : null;
}
