namespace GovBot.Host.WeCom.Xml;

/// <summary>Values of &lt;MsgType&gt; the bot handles.</summary>
public static class WeComMsgTypes
{
    public const string Text = "text";
    public const string Image = "image";
    public const string Voice = "voice";
    public const string Video = "video";
    /// <summary>Sent by WeChat users through customer service; handled the same way should the app receive one.</summary>
    public const string File = "file";
    public const string Location = "location";
    public const string Link = "link";
    public const string Event = "event";
}
