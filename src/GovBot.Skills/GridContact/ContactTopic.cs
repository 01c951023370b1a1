namespace GovBot.Skills.GridContact;

/// <summary>What a grid_contact question asks for; the grid worker unless the words name something else.</summary>
public enum ContactTopic
{
    GridWorker,
    PropertyManager,
    PartyService,
    RestStop,
}

public static class ContactTopics
{
    private static readonly string[] RestStopWords = ["驿站", "歇脚", "喝水", "喝口水", "取暖", "外卖", "快递", "骑手"];
    private static readonly string[] PartyServiceWords = ["党群", "服务中心", "服务站", "开门", "关门", "办公时间", "上班", "下班", "在哪", "怎么走", "地址"];

    public static ContactTopic Of(string text)
    {
        // "网格员在哪" is still about the grid worker; name the person first.
        if (text.Contains("网格") || text.Contains("网络员") || text.Contains("楼栋长")) return ContactTopic.GridWorker;
        if (text.Contains("物业")) return ContactTopic.PropertyManager;
        if (RestStopWords.Any(text.Contains)) return ContactTopic.RestStop;
        if (PartyServiceWords.Any(text.Contains)) return ContactTopic.PartyService;
        return ContactTopic.GridWorker;
    }
}
