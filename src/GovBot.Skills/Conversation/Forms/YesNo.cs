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
        ["是", "是的", "是啊", "是呀", "是嘞", "是哩", "对", "对的", "对啊", "对呀", "对对", "对对对", "没错", "没错儿", "确认", "确定", "好", "好的", "好啊", "好嘞",
         "好滴", "行", "行吧", "行行", "中", "可以", "可以的", "嗯", "嗯嗯", "嗯呐", "恩", "没问题", "没毛病", "就这样", "就这么办", "提交", "上报吧", "报吧",
         "ok", "okay", "y", "yes", "1", "√", "👌", "👍"];

    private static readonly HashSet<string> No =
        ["不", "不对", "不是", "不是的", "否", "改", "修改", "要改", "改一下", "错了", "不行", "不中", "重新", "重填", "有错", "写错了", "n", "no", "2", "×"];

    public static Answer Read(string text)
    {
        var t = ChoiceMatcher.Normalize(text);
        // 「嗯对」「哦好的」「对的呀」: an interjection before and a particle after do not change the answer.
        if (t.Length > 1 && !Yes.Contains(t) && !No.Contains(t))
            t = t.TrimStart('嗯', '哦', '噢', '喔', '啊', '诶', '哎', '恩').TrimEnd('呀', '啊', '哈', '嘛', '呢', '哦', '啦', '吧');
        if (Yes.Contains(t)) return Answer.Yes;
        if (No.Contains(t)) return Answer.No;
        if (t.StartsWith("不对", StringComparison.Ordinal) || t.StartsWith("改", StringComparison.Ordinal)) return Answer.No;
        if (t.StartsWith("确认", StringComparison.Ordinal) || t.StartsWith("对的", StringComparison.Ordinal)) return Answer.Yes;
        return Answer.Unclear;
    }
}
