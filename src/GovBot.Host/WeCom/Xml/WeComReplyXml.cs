using System.Text;

namespace GovBot.Host.WeCom.Xml;

/// <summary>Plaintext passive replies, to be sealed with <c>WeComCrypto.EncryptReply</c>.</summary>
public static class WeComReplyXml
{
    /// <param name="toUser">The citizen's UserID (the inbound FromUserName).</param>
    /// <param name="fromCorpId">The CorpID (the inbound ToUserName).</param>
    /// <param name="createTime">Unix seconds.</param>
    /// <param name="content">Reply text; "]]&gt;" and characters XML cannot carry are handled.</param>
    public static string Text(string toUser, string fromCorpId, long createTime, string content)
    {
        ArgumentNullException.ThrowIfNull(toUser);
        ArgumentNullException.ThrowIfNull(fromCorpId);
        ArgumentNullException.ThrowIfNull(content);

        return new StringBuilder(content.Length + 200)
            .Append("<xml>")
            .CDataElement(WeComFieldNames.ToUserName, toUser)
            .CDataElement(WeComFieldNames.FromUserName, fromCorpId)
            .NumberElement(WeComFieldNames.CreateTime, createTime)
            .CDataElement(WeComFieldNames.MsgType, WeComMsgTypes.Text)
            .CDataElement(WeComFieldNames.Content, content)
            .Append("</xml>")
            .ToString();
    }
}
