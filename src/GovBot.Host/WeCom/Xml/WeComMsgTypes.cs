namespace GovBot.Host.WeCom.Xml;

/// <summary>Values of &lt;MsgType&gt; the bot handles.</summary>
public static class WeComMsgTypes
{
    public const string Text = "text";
    public const string Image = "image";
    public const string Voice = "voice";
    public const string Location = "location";
    public const string Link = "link";
    public const string Event = "event";
}
