namespace GovBot.Skills.Conversation.Forms;

public enum Answer
{
    Unclear,
    Yes,
    No,
}

/// <summary>Reads a confirmation the way people type it on a phone.</summary>
public static class YesNo
{
    private static readonly HashSet<string> Yes =
        ["是", "是的", "对", "对的", "对啊", "确认", "确定", "好", "好的", "好啊", "行", "可以", "嗯", "嗯嗯", "没问题", "提交", "ok", "y", "yes", "1", "√", "👌", "👍"];

    private static readonly HashSet<string> No =
        ["不", "不对", "不是", "否", "改", "修改", "要改", "错了", "不行", "重新", "重填", "n", "no", "2", "×"];

    public static Answer Read(string text)
    {
        var t = ChoiceMatcher.Normalize(text);
        if (Yes.Contains(t)) return Answer.Yes;
        if (No.Contains(t)) return Answer.No;
        if (t.StartsWith("不对", StringComparison.Ordinal) || t.StartsWith("改", StringComparison.Ordinal)) return Answer.No;
        if (t.StartsWith("确认", StringComparison.Ordinal) || t.StartsWith("对的", StringComparison.Ordinal)) return Answer.Yes;
        return Answer.Unclear;
    }
}
