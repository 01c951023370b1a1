namespace GovBot.Skills.GridContact;

/// <summary>What a grid_contact question asks for; the grid worker unless the words name something else.</summary>
public enum ContactTopic
{
    GridWorker,
    PropertyManager,
    PartyService,
    RestStop,
    /// <summary>The community office (社区, 居委会): its address and phone.</summary>
    Community,
}

public static class ContactTopics
{
    /// <summary>
    /// Read top to bottom, the first row with a word in the message wins. The person comes first ("网格员在哪" is
    /// about the grid worker); a place named outright (物业, 驿站, 党群中心, 社区) before the words that only ask
    /// where or when, which mean the 党群服务中心 when nothing else is named.
    /// </summary>
    private static readonly (ContactTopic Topic, string[] Words)[] Table =
    [
        (ContactTopic.GridWorker, ["网格", "网络员", "楼栋长"]),
        (ContactTopic.PropertyManager, ["物业"]),
        (ContactTopic.RestStop, ["驿站", "歇脚", "喝水", "喝口水", "取暖", "外卖", "快递", "骑手"]),
        // 党群中心 is what people call the 党群服务中心; 党群 covers it and the compound's 党群服务站.
        (ContactTopic.PartyService, ["党群", "服务中心", "服务站"]),
        (ContactTopic.Community, ["社区", "居委"]),
        (ContactTopic.PartyService, ["开门", "关门", "办公时间", "上班", "下班", "在哪", "怎么走", "地址", "有人没", "有人吗", "几点开"]),
    ];

    public static ContactTopic Of(string text)
    {
        foreach (var (topic, words) in Table)
        {
            if (words.Any(text.Contains)) return topic;
        }
        return ContactTopic.GridWorker;
    }
}
