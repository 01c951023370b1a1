using System.Diagnostics;
using GovBot.Data.People;
using GovBot.Skills.Conversation.Forms;
using GovBot.Skills.Nlu;
using Microsoft.Extensions.Logging;

namespace GovBot.Skills.Conversation;

/// <summary>
/// Turns one incoming message into a reply: finds the sender, applies the rate limit, then hands the
/// message to the open dialog, the skill of its intent, or the fallback. Runs inside the caller's store scope;
/// the caller saves the store and then applies the dialog change (see <see cref="TurnResult"/>).
/// </summary>
public sealed partial class ConversationEngine(
    SkillRegistry skills,
    IIntentRouter router,
    DialogStore dialogs,
    UserDirectory users,
    TurnPrechecker prechecker,
    TimeProvider time,
    IEnumerable<IMissedTurns> missed,
    ILogger<ConversationEngine> log)
{
    /// <summary>Names of the built-in skills the engine itself relies on.</summary>
    public const string OnboardingSkill = "onboarding";
    public const string HelpSkill = "help";

    private const int MaxFollowUps = 1;

    /// <summary>Told once when a member's messages come faster than the limit: they wait, none is lost.</summary>
    public const string FloodNotice = "您发得太快啦，后面的消息我们先收着，稍等片刻会按顺序一条条回复您。";

    public async Task<TurnResult> HandleAsync(IncomingMessage message, CancellationToken ct) =>
        await HandleAsync(message, await prechecker.CheckAsync(message, ct), ct);

    /// <summary>Handles a message whose <see cref="TurnPrecheck"/> was read beforehand (see <see cref="TurnPrechecker"/>).</summary>

    public async Task<TurnResult> HandleAsync(IncomingMessage message, TurnPrecheck precheck, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        switch (precheck.Verdict)
        {
            case RateVerdict.NoticeOnce:
                return new TurnResult(message.UserId, Reply.Text(FloodNotice), null, false, Intents.Other, null);
            case RateVerdict.Silent:
                return new TurnResult(message.UserId, Reply.None, null, false, Intents.Other, null);
        }

        // A voice whose words were heard is handled exactly as if they were typed; the reply says what was heard first,
        // so that a resident misheard can say it again or correct it.
        var heard = precheck.Voice?.Transcript;
        if (heard is not null) message = TurnPrechecker.Heard(message, heard);
        if (precheck.Attachment is { } looked) message = message with { Refusal = looked.Refusal, FileName = looked.FileName };
        var now = time.GetUtcNow();
        var person = await users.GetOrCreateAsync(message.UserId, now, ct);
        var dialog = await dialogs.GetAsync(message.UserId, ct);
        var nlu = precheck.Nlu;
        var turn = new TurnContext(message, person, dialog, nlu, now);

        var (reply, skill) = await DispatchAsync(turn, ct);
        if (heard is not null) reply = Reply.Text($"听到您说：「{heard}」").Then(reply);
        reply = CarrySuspended(turn, dialog, reply);
        RememberPrompt(turn, reply);
        for (var i = 0; i < MaxFollowUps && turn.FollowUp is { } followUp; i++)
        {
            var next = new TurnContext(IncomingMessage.FromText(message.UserId, followUp, now), person, turn.Dialog,
                await router.ParseAsync(followUp, ct), now);
            var (more, nextSkill) = await DispatchAsync(next, ct);
            more = CarrySuspended(next, turn.Dialog, more);
            RememberPrompt(next, more);
            reply = reply.Then(more);
            skill = nextSkill ?? skill;
            turn = Carry(turn, next);
        }

        var intent = nlu?.Intent.Name ?? Intents.Other;
        LogTurn(log, message.CorrelationId, message.Kind, intent, skill ?? "-", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new TurnResult(message.UserId, reply, turn.Dialog, turn.DialogChanged, intent, skill);
    }

    private async Task<(Reply, string?)> DispatchAsync(TurnContext turn, CancellationToken ct)
    {
        var message = turn.Message;
        if (message.Kind == MessageKind.Event) return await OnEventAsync(turn, ct);

        var dialog = turn.Dialog;
        if (dialog is { ResumeOffered: true })
        {
            if (await ResumeAsync(turn, dialog, ct) is { } resumed) return resumed;
            dialog = turn.Dialog;
        }

        var intent = turn.Nlu?.Intent.Name;
        // In a dialog, the menu and stopping are what the person asked for only when that is clear (see Interruptions.Means).
        if (dialog is not null && intent is Intents.Cancel or Intents.Help && !Interruptions.Means(turn, dialog, intent)) intent = Intents.Other;
        if (intent == Intents.Cancel && !IsConfirmationAnswer(turn))
        {
            if (dialog is null) return (Reply.Text("现在没有在办的事项。需要帮忙时回复「菜单」看看。"), null);
            turn.EndDialog();
            return (Reply.Text("好的，已退出，还没提交的内容不会保存。有需要随时找我。"), null);
        }

        // Someone new who greets us or asks for the menu is best served by first learning where they live.
        if (dialog is null && NeedsOnboarding(turn.User) && skills.ByName(OnboardingSkill) is { } onboarding)
            return (await onboarding.StartAsync(turn, ct), onboarding.Name);

        // 「是」「好的」「谢谢」「👍」 with nothing open ask for nothing, whatever the classifier makes of a word this short.
        if (dialog is null && message.Kind == MessageKind.Text && turn.Nlu?.Router != RuleIntentRouter.RouterName
            && SmallTalk.Answer(turn.Text) is { } chat)
            return (chat, null);

        if (intent == Intents.Help && skills.ByName(HelpSkill) is { } help)
        {
            var menu = await help.StartAsync(turn, ct);
            return dialog is null
                ? (menu, help.Name)
                : (menu.Then(new TextPart("刚才的事还没办完，直接接着回答就行，或者回复「取消」。")), help.Name);
        }

        if (dialog is not null && skills.ByName(dialog.Skill) is { } current)
        {
            if (current.Name != OnboardingSkill && Interruptions.Of(turn, dialog, current) is { } other && skills.ForIntent(other) is { } next)
                return await InterruptAsync(turn, dialog, next, ct);
            var answer = await current.ContinueAsync(turn, ct);
            if (!turn.Declined) return (answer, current.Name);
            if (turn.Nlu?.Intent.Name is { } declined && skills.ForIntent(declined) is { } taker)
                return await InterruptAsync(turn, dialog, taker, ct);
            turn.Continue(dialog);
            return (Missed(turn), current.Name);
        }

        // A photo or a location sent on its own is how people show a problem (随手拍).
        if (message.Kind is MessageKind.Image or MessageKind.Location) intent = Intents.ReportProblem;

        if (intent is not null && intent != Intents.Other && skills.ForIntent(intent) is { } skill)
            return (await skill.StartAsync(turn, ct), skill.Name);

        return (Missed(turn), null);
    }

    /// <summary>The fallback, and a typed message kept for staff to teach the bot what it meant (「待学习」).</summary>
    private Reply Missed(TurnContext turn)
    {
        if (turn.Message.Kind == MessageKind.Text)
            foreach (var log in missed) log.Note(turn, turn.Text, turn.Nlu?.Intent.Name ?? Intents.Other, turn.Nlu?.Intent.Confidence ?? 0);
        return Fallback(turn.Message);
    }

    /// <summary>
    /// The message is another request in the middle of a dialog: handle it as that request with the dialog put aside,
    /// to be offered back once the request is done (see <see cref="CarrySuspended"/>).
    /// </summary>
    private async Task<(Reply, string?)> InterruptAsync(TurnContext turn, DialogState dialog, ISkill next, CancellationToken ct)
    {
        var aside = dialog with { Suspended = null, ResumeOffered = false };
        turn.Reset(null);
        var reply = await next.StartAsync(turn, ct);
        turn.Suspend(aside);
        return (reply, next.Name);
    }

    /// <summary>
    /// The answer to 「刚才的…还继续吗？」: 继续 asks the dialog's last question again, 不用了 lets it go, an answer to that
    /// question goes on with it; anything else lets it go quietly and is handled as a message of its own (null).
    /// </summary>
    private async Task<(Reply, string?)?> ResumeAsync(TurnContext turn, DialogState offered, CancellationToken ct)
    {
        var dialog = offered with { ResumeOffered = false };
        var text = turn.Text;
        if (turn.Message.Kind == MessageKind.Text && Interruptions.TakesUp(text))
        {
            turn.Continue(dialog);
            var again = dialog.Prompt is { Count: > 0 } prompt ? new Reply(prompt) : Reply.Text("请接着说。");
            return (Reply.Text("好的，接着刚才的：").Then(again), dialog.Skill);
        }
        if (turn.Message.Kind == MessageKind.Text && Interruptions.LetsGo(text, turn.Nlu))
        {
            turn.EndDialog();
            return (Reply.Text("好的，刚才的就不办了。有需要随时跟我说。"), null);
        }
        if (dialog.Choices is { Count: > 0 } choices && ChoiceMatcher.Read(text, choices) is { Index: not null } or { IsAmbiguous: true }
            && skills.ByName(dialog.Skill) is { } skill)
        {
            turn.Reset(dialog);
            return (await skill.ContinueAsync(turn, ct), skill.Name);
        }
        turn.Reset(null);
        return null;
    }

    private async Task<(Reply, string?)> OnEventAsync(TurnContext turn, CancellationToken ct)
    {
        var message = turn.Message;
        switch (message.EventName)
        {
            case "template_card_event" or "click" when message.EventKey is { } key && skills.ForButton(key) is var (skill, action):
                return (await skill.OnButtonAsync(turn, action, ct), skill.Name);
            case "click" when message.EventKey is { } intent && skills.ForIntent(intent) is { } menuSkill:
                return (await menuSkill.StartAsync(turn, ct), menuSkill.Name);
            case "enter_agent" when turn.Dialog is null && NeedsOnboarding(turn.User) && skills.ByName(OnboardingSkill) is { } onboarding:
                return (await onboarding.StartAsync(turn, ct), onboarding.Name);
            case "template_card_event" or "click":
                return (Reply.Text("这个按钮已经失效了，回复「菜单」看看现在能办什么。"), null);
            default:
                // enter_agent for known users, view, LOCATION: nothing to say, and silence is kinder than noise.
                return (Reply.None, null);
        }
    }

    /// <summary>Staff and grid workers are set up by their community; everyone else tells us where they live once.</summary>
    private static bool NeedsOnboarding(Person person) =>
        person.OnboardedAt is null
        && (person.Roles & (Roles.Staff | Roles.GridWorker | Roles.Secretary | Roles.CountyAdmin)) == 0;

    /// <summary>"不" at a confirmation means "change something", not "cancel everything".</summary>
    private static bool IsConfirmationAnswer(TurnContext turn) =>
        turn.Dialog?.Step is DialogState.ConfirmStep && YesNo.Read(turn.Text) != Answer.Unclear;

    private static Reply Fallback(IncomingMessage message) => message.Kind switch
    {
        MessageKind.Voice => Reply.Text("收到您的语音了，不过我这会儿听不清。麻烦打几个字说说是什么事，比如「3号楼楼道灯坏了」；或回复「菜单」看看我能做什么。"),
        MessageKind.Video or MessageKind.File => Reply.Text("视频和文件可以在反映问题时发给我，会附在反映里给网格员看。想反映问题，先说说是什么事；或回复「菜单」看看我能做什么。"),
        MessageKind.Other => Reply.Text("这类消息我暂时还看不了，麻烦打字告诉我，或回复「菜单」看看我能做什么。"),
        MessageKind.Link => Reply.Text("收到链接了。如果想反映问题，直接说说是什么事就行；回复「菜单」看看我能做什么。"),
        _ => Reply.Text("这个我还不太明白。您可以直接说想办的事，比如「3号楼楼道堆满杂物」，或回复「菜单」看看我能做什么。"),
    };

    /// <summary>
    /// A dialog put aside by an interruption rides along with whatever dialog follows (skills start theirs afresh and
    /// know nothing of it); once no dialog follows, it is offered back.
    /// </summary>
    private Reply CarrySuspended(TurnContext turn, DialogState? before, Reply reply)
    {
        var aside = turn.Suspended ?? before?.Suspended;
        if (aside is null || (before is { ResumeOffered: true } && !turn.DialogChanged)) return reply;
        if (turn.Dialog is null)
        {
            if (!turn.DialogChanged && turn.Suspended is null) return reply;
            turn.Continue(aside with { ResumeOffered = true });
            return reply.Then(Interruptions.Offer(skills.ByName(aside.Skill)?.Topic ?? "事"));
        }
        if (ReferenceEquals(turn.Dialog, aside) || turn.Dialog.ResumeOffered || turn.Dialog.Suspended is not null) return reply;
        turn.Continue(turn.Dialog with { Suspended = aside });
        return reply;
    }

    /// <summary>
    /// What the bot asked, kept with the dialog so that it can be asked again after an interruption: the last list and
    /// what follows it, or else the last line (a preface such as 「好的，办理党员双报到……」 is not asked twice).
    /// </summary>
    private static void RememberPrompt(TurnContext turn, Reply reply)
    {
        if (!turn.DialogChanged || turn.Dialog is not { ResumeOffered: false } dialog) return;
        var parts = reply.Parts.Where(p => p is TextPart or ChoicesPart).ToList();
        var list = parts.FindLastIndex(p => p is ChoicesPart);
        List<ReplyPart> asked = list >= 0 ? parts[list..] : parts.Count > 0 ? [parts[^1]] : [];
        if (asked.Count > 0) turn.Continue(dialog with { Prompt = asked });
    }

    private static TurnContext Carry(TurnContext first, TurnContext second)
    {
        if (!second.DialogChanged) return first;
        if (second.Dialog is null) first.EndDialog(); else first.Continue(second.Dialog);
        return first;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn {CorrelationId}: {Kind} → intent {Intent}, skill {Skill}, {ElapsedMs:F1} ms")]
    private static partial void LogTurn(ILogger logger, string? correlationId, MessageKind kind, string intent, string skill, double elapsedMs);
}
