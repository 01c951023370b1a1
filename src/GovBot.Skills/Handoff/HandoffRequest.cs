using System.Text;

namespace GovBot.Skills.Handoff;

/// <summary>
/// Whether a message asking for a person already says what it is about. 「转人工」 and 「我要跟工作人员说」 only ask for
/// someone, so the bot asks what to pass on; 「找个真人问问我家暖气的事」 carries its question and goes at once, whole.
/// The words of asking are taken out, and what remains decides.
/// </summary>
public static class HandoffRequest
{
    /// <summary>What is left must be at least this long to be a question: 「停电」 is, 「好」 is not.</summary>
    private const int QuestionLength = 2;

    // Longest first, so 「找个真人」 goes before 「真人」 and 「人工客服」 before 「人工」.
    private static readonly string[] AskingWords = new[]
    {
        "人工客服", "人工服务", "转人工", "人工", "客服", "真人", "活人", "机器人", "工作人员", "值班的人", "社区的人", "找个人", "来个人",
        // Saying there is a matter without saying which is not yet a question: 「我要投诉，转人工」 is asked what about.
        "有点事", "有个事", "有事", "事情", "问题", "投诉", "反映", "咨询", "办事", "在线", "谢谢", "快点",
        "能不能", "可不可以", "可以吗", "行不行", "行吗", "好吗", "有没有", "在不在", "在吗", "有人吗", "人呢",
        "我要", "我想", "俺要", "俺想", "不想", "不要", "帮我", "给我", "麻烦", "直接", "赶紧", "一下", "一个", "说话", "聊聊", "问问", "问一下",
        "你们", "跟", "和", "同", "找", "转", "接", "叫", "换", "个", "说", "讲", "聊", "问", "请", "要", "想",
        "我", "俺", "咱", "你", "您", "吗", "呢", "吧", "啊", "呀", "嘛", "了", "的", "哦", "喂",
    }.OrderByDescending(w => w.Length).ToArray();

    /// <summary>True when the message says what it is about, not only that the person wants someone.</summary>
    public static bool CarriesQuestion(string text) => Remainder(text).Length >= QuestionLength;

    /// <summary>True when nothing but asking for a person is left (「转人工」「人呢？」): not worth passing on.</summary>
    public static bool OnlyAsksForPerson(string text) => Remainder(text).Length == 0;

    /// <summary>The letters and digits left once the words of asking are gone.</summary>
    public static string Remainder(string text)
    {
        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
            if (char.IsLetterOrDigit(c)) kept.Append(char.ToLowerInvariant(c));
        var rest = kept.ToString();
        foreach (var word in AskingWords)
            rest = rest.Replace(word, "", StringComparison.Ordinal);
        return rest;
    }
}
