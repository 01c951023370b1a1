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
    TurnOpener opener,
    TimeProvider time,
    ILogger<ConversationEngine> log)
{
    /// <summary>Names of the built-in skills the engine itself relies on.</summary>
    public const string OnboardingSkill = "onboarding";
    public const string HelpSkill = "help";

    private const int MaxFollowUps = 1;

    public async Task<TurnResult> HandleAsync(IncomingMessage message, CancellationToken ct) =>
        await HandleAsync(message, await opener.BeginAsync(message, ct), ct);

    /// <summary>Handles a message whose <see cref="TurnStart"/> was read beforehand (see <see cref="TurnOpener"/>).</summary>

    public async Task<TurnResult> HandleAsync(IncomingMessage message, TurnStart start, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        switch (start.Verdict)
        {
            case RateVerdict.NoticeOnce:
                return new TurnResult(message.UserId, Reply.Text("您发得太快啦，请稍等一分钟再发，我们都会认真看的。"), null, false, Intents.Other, null);
            case RateVerdict.Silent:
                return new TurnResult(message.UserId, Reply.None, null, false, Intents.Other, null);
        }

        var now = time.GetUtcNow();
        var person = await users.GetOrCreateAsync(message.UserId, now, ct);
        var dialog = await dialogs.GetAsync(message.UserId, ct);
        var nlu = start.Nlu;
        var turn = new TurnContext(message, person, dialog, nlu, now);

        var (reply, skill) = await DispatchAsync(turn, ct);
        for (var i = 0; i < MaxFollowUps && turn.FollowUp is { } followUp; i++)
        {
            var next = new TurnContext(IncomingMessage.FromText(message.UserId, followUp, now), person, turn.Dialog,
                await router.ParseAsync(followUp, ct), now);
            var (more, nextSkill) = await DispatchAsync(next, ct);
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

        var intent = turn.Nlu?.Intent.Name;
        var dialog = turn.Dialog;

        if (intent == Intents.Cancel && !IsConfirmationAnswer(turn))
        {
            if (dialog is null) return (Reply.Text("现在没有在办的事项。需要帮忙时回复「菜单」看看。"), null);
            turn.EndDialog();
            return (Reply.Text("好的，已退出，还没提交的内容不会保存。有需要随时找我。"), null);
        }

        // Someone new who greets us or asks for the menu is best served by first learning where they live.
        if (dialog is null && NeedsOnboarding(turn.User) && skills.ByName(OnboardingSkill) is { } onboarding)
            return (await onboarding.StartAsync(turn, ct), onboarding.Name);

        if (intent == Intents.Help && skills.ByName(HelpSkill) is { } help)
        {
            var menu = await help.StartAsync(turn, ct);
            return dialog is null
                ? (menu, help.Name)
                : (menu.Then(new TextPart("刚才的事还没办完，直接接着回答就行，或者回复「取消」。")), help.Name);
        }

        if (dialog is not null && skills.ByName(dialog.Skill) is { } current)
            return (await current.ContinueAsync(turn, ct), current.Name);

        // A photo or a location sent on its own is how people show a problem (随手拍).
        if (message.Kind is MessageKind.Image or MessageKind.Location) intent = Intents.ReportProblem;

        if (intent is not null && skills.ForIntent(intent) is { } skill)
            return (await skill.StartAsync(turn, ct), skill.Name);

        return (Fallback(message), null);
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
        MessageKind.Voice => Reply.Text("这条语音没听清，麻烦打字告诉我，或回复「菜单」看看我能做什么。"),
        MessageKind.Other => Reply.Text("这类消息我暂时还看不了，麻烦打字告诉我，或回复「菜单」看看我能做什么。"),
        MessageKind.Link => Reply.Text("收到链接了。如果想反映问题，直接说说是什么事就行；回复「菜单」看看我能做什么。"),
        _ => Reply.Text("这个我还不太明白。您可以直接说想办的事，比如「3号楼楼道堆满杂物」，或回复「菜单」看看我能做什么。"),
    };

    private static TurnContext Carry(TurnContext first, TurnContext second)
    {
        if (!second.DialogChanged) return first;
        if (second.Dialog is null) first.EndDialog(); else first.Continue(second.Dialog);
        return first;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn {CorrelationId}: {Kind} → intent {Intent}, skill {Skill}, {ElapsedMs:F1} ms")]
    private static partial void LogTurn(ILogger logger, string? correlationId, MessageKind kind, string intent, string skill, double elapsedMs);
}
