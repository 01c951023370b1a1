using GovBot.Skills.Conversation.Forms;
using GovBot.Skills.Nlu;

namespace GovBot.Skills.Conversation;

/// <summary>
/// Unhappy paths (as Rasa calls them): a message that arrives while a dialog waits for an answer, but is clearly
/// another request. It is handled as that request; the dialog it interrupted is kept and offered back
/// (「刚才的预约还继续吗？」) once the new request is done. What counts as "clearly another request" depends on the question:
/// a numbered list or a yes/no expects a short answer, so a long message or one the router is sure of that does not fit
/// is a new request; a question that takes any text (a description, a result, a comment) yields only to a command the
/// rules are certain of, such as 「我的上报」.
/// </summary>
public static class Interruptions
{
    /// <summary>How sure the router must be that a message that does not answer the question is a request of its own.</summary>
    public const double Confidence = 0.7;

    /// <summary>Past this many characters an answer to a list or a yes/no is a message of its own, whatever it contains.</summary>
    private const int LongAnswer = 14;

    /// <summary>
    /// Shorter than this, an answer that does not fit a list is a poor answer (「卫生系统的」 for a work unit), not another
    /// request, unless the rules are certain of it.
    /// </summary>
    private const int RequestLength = 6;

    /// <summary>The shortest question of its own at a list, for anything but a report (「查积分」「预约理发」).</summary>
    private const int ShortRequest = 3;

    /// <summary>At a question that takes a free answer, a request the router is this sure of interrupts it.</summary>
    private const double FreeAnswerConfidence = 0.8;

    /// <summary>…and only when it is this short: a long free answer is an answer, whatever words it uses.</summary>
    private const int FreeAnswerLength = 20;

    /// <summary>
    /// The intent of the request that interrupts <paramref name="dialog"/>, or null when the message is for the dialog.
    /// </summary>
    public static string? Of(TurnContext turn, DialogState dialog, ISkill current)
    {
        if (turn.Message.Kind != MessageKind.Text || turn.Nlu is not { } nlu) return null;
        var intent = nlu.Intent.Name;
        if (intent is Intents.Other or Intents.Help or Intents.Cancel) return null;
        var text = turn.Text;
        var certain = nlu.Router == RuleIntentRouter.RouterName;
        var sure = certain || nlu.Intent.Confidence >= Confidence;
        var sameSkill = current.Intents.Contains(intent);

        if (!sure) return null;
        var longOne = text.Length >= LongAnswer;
        if (dialog.Choices is { Count: > 0 } choices)
        {
            // A short answer that fits the list is the answer. For the same skill, so is anything that fits, and a short
            // answer that does not (「堆东西的」 at the category list describes the category); a skill that knows better
            // declines the message itself (see TurnContext.Decline).
            var reading = ChoiceMatcher.Read(text, choices);
            // Lists that take several picks (「理发和维修」, 「外贸小区 古韩明珠」) are answered in several words; a long
            // message that only happens to name a day two options share (「党群中心周六开门不」) picks nothing.
            var fits = reading.Index is not null || (reading.IsAmbiguous && text.Length < RequestLength + 2)
                || MultiChoice.Match(text, choices) is { Count: > 0 };
            if (sameSkill) return fits || !longOne ? null : intent;
            if (fits) return longOne ? intent : null;
            // 「积分咋算的」 is a question of its own even at five characters; 「卫生系统的」 at a list of units is a poor
            // answer, not a report, so a report needs a longer message.
            return certain || text.Length >= RequestLength || (text.Length >= ShortRequest && intent != Intents.ReportProblem) ? intent : null;
        }

        // At a summary, a yes, a no or a correction for the same skill (「不对，是5号楼」) belongs to the dialog.
        if (dialog.Step == DialogState.ConfirmStep)
            return YesNo.Read(text) != Answer.Unclear || sameSkill ? null : intent;

        // A free answer (a description, a name, a comment): a command the rules are certain of interrupts it, and so does
        // a short question the router is sure of (「查积分」「网格员电话多少」) — but never a description of a problem,
        // which is what such questions are answered with. A question that takes any text at all (a grid worker's result)
        // yields only to the rules.
        if (sameSkill) return null;
        if (certain) return intent;
        return !dialog.TakesAnyText && intent != Intents.ReportProblem && nlu.Intent.Confidence >= FreeAnswerConfidence
            && text.Length <= FreeAnswerLength ? intent : null;
    }

    /// <summary>
    /// Whether a message in the middle of a dialog asks for the menu or to stop: the rules are certain of it (「菜单」「取消」),
    /// or the router is sure and the message is not an answer to the question. A short answer the classifier happens
    /// to read as help or cancel (「都不是」 at a list) stays an answer.
    /// </summary>
    public static bool Means(TurnContext turn, DialogState dialog, string intent)
    {
        if (turn.Nlu is not { } nlu || nlu.Intent.Name != intent) return false;
        if (nlu.Router == RuleIntentRouter.RouterName) return true;
        // A free answer (a reason, a result, a description) may sound like giving up (「单位填错了，请重新提交」): only the
        // rules' own words stop it.
        if (nlu.Intent.Confidence < Confidence + 0.1 || dialog.TakesAnyText) return false;
        if (dialog.Choices is not { Count: > 0 } && dialog.Step != DialogState.ConfirmStep) return false;
        var text = turn.Text;
        if (YesNo.Read(text) != Answer.Unclear) return false;
        return dialog.Choices is not { Count: > 0 } choices
            || (ChoiceMatcher.Read(text, choices) is { Index: null, IsAmbiguous: false } && MultiChoice.Match(text, choices) is null);
    }

    /// <summary>「刚才的上报还没办完，要继续吗？」, once the request that interrupted it is done.</summary>
    public static ReplyPart Offer(string topic) =>
        new TextPart($"刚才的{topic}还没办完，要继续吗？回复「继续」接着办，不用了就回复「不用了」。");

    /// <summary>Whether the person takes up the offered dialog again.</summary>
    public static bool TakesUp(string text)
    {
        var t = ChoiceMatcher.Normalize(text);
        return t.Contains("继续", StringComparison.Ordinal) || t.Contains("接着", StringComparison.Ordinal)
            || (YesNo.Read(text) == Answer.Yes && t != "1");
    }

    /// <summary>Whether the person lets the offered dialog go.</summary>
    public static bool LetsGo(string text, NluResult? nlu) =>
        YesNo.Read(text) == Answer.No || nlu?.Intent.Name == Intents.Cancel
        || ChoiceMatcher.Normalize(text) is "不用了" or "不用" or "不了" or "不要了" or "算了" or "不办了";
}
