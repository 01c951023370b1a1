namespace GovBot.Host.WeCom.Xml;

/// <summary>Element names exactly as WeCom spells them on the wire (note AgentID and Location_X).</summary>
internal static class WeComFieldNames
{
    internal const string ToUserName = "ToUserName";
    internal const string FromUserName = "FromUserName";
    internal const string CreateTime = "CreateTime";
    internal const string MsgType = "MsgType";
    internal const string MsgId = "MsgId";
    internal const string AgentId = "AgentID";
    internal const string Content = "Content";
    internal const string PicUrl = "PicUrl";
    internal const string MediaId = "MediaId";
    internal const string Format = "Format";
    internal const string Recognition = "Recognition";
    internal const string LocationX = "Location_X";
    internal const string LocationY = "Location_Y";
    internal const string Scale = "Scale";
    internal const string Label = "Label";
    internal const string Title = "Title";
    internal const string Description = "Description";
    internal const string Url = "Url";
    internal const string Event = "Event";
    internal const string EventKey = "EventKey";
    internal const string TaskId = "TaskId";
    internal const string CardType = "CardType";
    internal const string ResponseCode = "ResponseCode";
    internal const string Latitude = "Latitude";
    internal const string Longitude = "Longitude";
    internal const string Precision = "Precision";
    internal const string Token = "Token";
    internal const string OpenKfId = "OpenKfId";
    internal const string Encrypt = "Encrypt";
    internal const string MsgSignature = "MsgSignature";
    internal const string TimeStamp = "TimeStamp";
    internal const string Nonce = "Nonce";
}
