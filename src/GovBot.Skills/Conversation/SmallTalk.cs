using GovBot.Skills.Conversation.Forms;

namespace GovBot.Skills.Conversation;

/// <summary>
/// What people say that asks for nothing: thanks, "好的", praise, a lone emoji, a "是" with nothing waiting for it,
/// English. Each still gets a short, warm answer and a next step, never "I don't understand". Only whole short
/// messages are read here: anything longer went through the router first.
/// </summary>
public static class SmallTalk
{
    private const int MaxLength = 16;

    private static readonly string[] Thanks = ["谢谢", "多谢", "感谢", "谢了", "谢啦", "3q", "thank", "xiexie", "辛苦", "麻烦你", "麻烦您", "费心", "劳驾"];
    private static readonly string[] Praise = ["点赞", "赞", "真好", "真棒", "挺好", "不错", "给力", "厉害", "满意", "表扬", "好样的"];
    private static readonly string[] Farewell = ["再见", "拜拜", "晚安", "88", "bye"];
    private static readonly string[] Acknowledgements = ["好的", "好", "好嘞", "好滴", "好吧", "行", "行吧", "嗯", "嗯嗯", "哦", "噢", "哦哦", "知道了", "明白了", "晓得了", "收到", "ok", "okay", "👌", "👍"];
    private static readonly string[] Confirmations = ["是", "是的", "对", "对的", "确认", "确定", "提交", "没问题", "可以", "1"];
    private static readonly string[] Refusals = ["不", "不是", "不对", "否", "不要", "不用", "2"];

    /// <summary>The answer to a message that asks for nothing, or null when the message may well ask for something.</summary>
    public static Reply? Answer(string text)
    {
        var t = ChoiceMatcher.Normalize(text);
        var raw = text.Trim();
        if (raw.Length == 0) return null;
        if (t.Length > MaxLength) return null;

        if (Confirmations.Contains(t) || t.StartsWith("确认", StringComparison.Ordinal))
            return Reply.Text("现在没有等您确认的事。刚才的事要是还没看到「已上报」「预约成功」这样的回复，可能已经超时没提交，请再说一遍，我接着帮您办。");
        if (Refusals.Contains(t))
            return Reply.Text("好的。现在没有在办的事，有需要随时跟我说，回复「菜单」看看我能做什么。");
        if (Acknowledgements.Contains(t) || Acknowledgements.Contains(raw))
            return Reply.Text("好的。有需要随时跟我说，回复「菜单」看看我能做什么。");
        if (Thanks.Any(t.Contains))
            return Reply.Text("不客气，这是我们应该做的！还有别的事随时跟我说。");
        if (Praise.Any(t.Contains))
            return Reply.Text("谢谢您的肯定，我们会继续努力！有事随时找我。");
        if (Farewell.Any(t.Contains))
            return Reply.Text("好的，再见！有事随时找我。");
        if (!t.Any(char.IsLetterOrDigit))
            return Reply.Text("收到～有什么事直接打字告诉我就行，比如「楼道灯坏了」，回复「菜单」看看我能做什么。");
        if (!t.Any(IsChinese) && t.Any(char.IsAsciiLetter))
            return Reply.Text("您好，我是社区小助手，请用中文跟我说想办的事，比如「3号楼楼道堆满了杂物」「我们的网格员是谁」，回复「菜单」看看我能做什么。");
        return null;
    }

    private static bool IsChinese(char c) => c is >= '\u4E00' and <= '\u9FFF';
}
