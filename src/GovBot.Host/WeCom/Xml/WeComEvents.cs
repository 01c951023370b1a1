namespace GovBot.Host.WeCom.Xml;

/// <summary>Values of &lt;Event&gt; when MsgType is <see cref="WeComMsgTypes.Event"/>; case matters (LOCATION is upper-case on the wire).</summary>
public static class WeComEvents
{
    public const string EnterAgent = "enter_agent";
    public const string Click = "click";
    public const string View = "view";
    public const string Location = "LOCATION";
    public const string TemplateCardEvent = "template_card_event";
}
