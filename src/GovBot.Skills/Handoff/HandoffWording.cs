using System.Text;
using GovBot.Data.People;
using GovBot.Skills.Reminders;

namespace GovBot.Skills.Handoff;

/// <summary>What residents and the people who answer them read: short, plain, for a phone.</summary>
public static class HandoffWording
{
    /// <summary>A card's text is cut here (WeCom shows little more); longer messages follow the card in full as a text.</summary>
    public const int CardTextLength = 60;

    /// <summary>The name a person goes by; "居民" is what the bot calls someone who never told it their name.</summary>
    public static string NameOf(Person p) => string.IsNullOrWhiteSpace(p.Name) || p.Name == "居民" ? "一位居民" : p.Name;

    /// <summary>"网格员", "社区书记", "社区工作人员": how the resident knows who is answering.</summary>
    public static string RoleOf(Person p) =>
        p.Has(Roles.GridWorker) ? "网格员"
        : p.Has(Roles.Secretary) ? "社区书记"
        : p.Has(Roles.CountyAdmin) ? "县里的工作人员"
        : p.Has(Roles.Staff) ? "社区工作人员"
        : "工作人员";

    /// <summary>"138****0004": enough to recognise, not enough to dial.</summary>
    public static string MaskPhone(string phone) => phone.Length >= 7 ? phone[..3] + "****" + phone[^4..] : "****";

    /// <summary>"网格员王建军", "网格员许国庆、罗丹", "清泉湖社区值班的赵晓燕、李红梅", "县里的白云飞".</summary>
    public static string Who(Desk desk)
    {
        var names = string.Join("、", desk.People.Select(p => p.Name));
        return desk.Kind switch
        {
            DeskKind.GridWorkers => "网格员" + names,
            DeskKind.CommunityOffice => $"{desk.Place}{(desk.AfterHours ? "值班的" : "的")}{names}",
            _ => "县里的" + names,
        };
    }

    public static string Ask(Desk desk, HandoffOptions options) => desk.AfterHours && desk.Kind != DeskKind.CountyOffice
        ? $"现在是下班时间（网格员 {options.GridHoursText} 在岗）。您想跟{Who(desk)}说什么？直接打字发来，我原样转过去。"
        : $"好的，您想跟{Who(desk)}说什么？直接打字发来，我原样转过去。";

    public const string AskAgain = "直接打字说想问的事就行，比如「我家暖气不热，麻烦看看」。不想说了回复「取消」。";

    public const string TextOnly = "照片和语音我转不过去，麻烦打字说一下想问的事。";

    public static string Forwarded(Desk desk, HandoffOptions options)
    {
        if (!desk.AfterHours || desk.Kind == DeskKind.CountyOffice)
            return $"已转给{Who(desk)}，看到后会在这里回复您。";
        var text = new StringBuilder($"现在是下班时间（网格员 {options.GridHoursText} 在岗），已转给{Who(desk)}，上班后会尽快在这里回复您。");
        if (desk.Phone is { } phone) text.Append("急事请打社区电话 ").Append(phone).Append('。');
        return text.ToString();
    }

    /// <summary>To a WeChat resident whose conversation a person took over (微信客服): who, and that the bot steps aside.</summary>
    public static string TakenOver(Person servicer) =>
        $"已请{RoleOf(servicer)}{servicer.Name}来接待您，接下来{servicer.Name}会直接在这里回复您。聊完后我接着为您服务。";

    /// <summary>To a resident asking again: it went, to whom, and a number to call if it cannot wait (on every notice board anyway).</summary>
    public static string AlreadyForwarded(IReadOnlyList<Person> to, DateTimeOffset sentAt, DateTimeOffset now)
    {
        var minutes = (int)(now - sentAt).TotalMinutes;
        var when = minutes < 1 ? "刚才" : $"{minutes}分钟前";
        var names = to.Count == 0 ? "工作人员" : string.Join("、", to.Select(p => p.Name));
        var text = new StringBuilder($"您的话{when}已经转给{names}了，看到后会在这里回复您，请稍等。");
        var phones = to.Where(p => p.Phone is not null).Take(2).Select(p => $"{p.Name} {p.Phone}").ToList();
        if (phones.Count > 0) text.Append("着急的话可以直接打电话：").Append(string.Join("，", phones)).Append('。');
        return text.ToString();
    }

    public static string NoOne(Desk desk) => desk.Kind == DeskKind.CountyOffice
        ? "现在找不到能接待您的工作人员。您可以先把事情直接告诉我，比如「3号楼楼道灯坏了」，我来登记上报。"
        : $"{desk.Place}还没有登记工作人员，暂时转不了。" + (desk.Phone is { } phone ? $"可以打社区电话 {phone}。" : "您可以把事情直接告诉我，我来登记上报。");

    public const string NeedAddress = "要转给负责您家的网格员，得先知道您住哪儿。您刚才的话我记着，登记完马上转。";

    /// <summary>The card's description: who, where, how to reach them, what they said, when.</summary>
    public static string CardText(Person resident, string? place, bool fullPhone, string said, DateTimeOffset at, bool afterHours)
    {
        var text = new StringBuilder();
        var line = new List<string>();
        if (place is not null) line.Add(place);
        if (resident.Phone is { } phone) line.Add("电话 " + (fullPhone ? phone : MaskPhone(phone)));
        if (line.Count > 0) text.Append(string.Join("｜", line)).Append('\n');
        var cut = said.Length > CardTextLength ? said[..CutAt(said)] + "…（全文见下条）" : said;
        text.Append('「').Append(cut).Append("」\n");
        text.Append(ChinaTime.ToLocal(at).ToString("M月d日 HH:mm")).Append(afterHours ? " 下班时间发来" : " 发来");
        text.Append("，点「回复」直接回复居民。");
        return text.ToString();
    }

    /// <summary>Where to cut a long message for the card without splitting an emoji in two.</summary>
    private static int CutAt(string said) => char.IsHighSurrogate(said[CardTextLength - 1]) ? CardTextLength - 1 : CardTextLength;

    public static string FullText(Person resident, string said) => $"{NameOf(resident)}的留言全文：\n{said}";

    public static string CardTitle(Person resident) => $"居民找人工：{NameOf(resident)}";

    /// <summary>"王建军已回复", on every copy of the card once it is answered.</summary>
    public static string Closed(Person answerer) => answerer.Name + "已回复";

    public static string AnswerToResident(Person answerer, string text) => $"{RoleOf(answerer)}{answerer.Name}回复您：{text}";

    public static string TypeYourAnswer(Person resident) => $"请直接打字回复{NameOf(resident)}，我原样转过去。不回了就回复「取消」。";

    public static string Sent(Person resident) => $"已把您的回复转给{NameOf(resident)}。";

    public static string AlreadyAnswered(Person? answerer, Person me, Person? resident) =>
        answerer?.Id == me.Id ? "这条您已经回复过了。"
        : $"这条{answerer?.Name ?? "其他同事"}已经回复{(resident is null ? "居民" : NameOf(resident))}了，不用再回。";

    public const string NotYours = "这条留言不是转给您的。";

    public const string Expired = "这个按钮已经失效了。";

    public const string ResidentGone = "这位居民的信息找不到了，回复不了。";
}
