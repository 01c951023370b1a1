namespace GovBot.Host.Tests.WeCom;

/// <summary>
/// WeCom's published WXBizMsgCrypt sample values, copied verbatim from the official PHP library's
/// callback sample: github.com/sbzhu/weworkapi_php, callback/Sample.php (commit f2c836f57187c5390546a70e99be54251c56a95c);
/// the same token, key, CorpID and vectors appear in the C# Sample.cs of the official library (namespace MsgCryptTest).
/// </summary>
internal static class WeComSample
{
    public const string Token = "QDG6eK";
    public const string EncodingAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string CorpId = "wx5823bf96d3bd56c7";

    // Example 1 (验证回调URL): GET ?msg_signature=...&timestamp=...&nonce=...&echostr=... (URL-decoded here).
    public const string VerifyMsgSignature = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
    public const string VerifyTimestamp = "1409659589";
    public const string VerifyNonce = "263014780";
    public const string VerifyEchoStr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";

    // The sample prints the decrypted echostr without quoting it; this value is the one a public Go test
    // (TestAdminCallbackOfficialURLVector, found in the search tool's code index) asserts for the same inputs.
    public const string VerifyEchoPlaintext = "1616140317555161061";

    // Example 2 (对用户回复的消息解密): POST ?msg_signature=...&timestamp=...&nonce=... with this body.
    public const string PostMsgSignature = "477715d11cdb4164915debcba66cb864d751f3e6";
    public const string PostTimestamp = "1409659813";
    public const string PostNonce = "1372623149";
    public const string PostEncrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
    public const string PostBody = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[" + PostEncrypt + "]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";

    // The sample's comment under DecryptMsg gives the plaintext, lines separated by "\n".
    public const string PostPlaintext =
        "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n" +
        "<FromUserName><![CDATA[mycreate]]></FromUserName>\n" +
        "<CreateTime>1409659813</CreateTime>\n" +
        "<MsgType><![CDATA[text]]></MsgType>\n" +
        "<Content><![CDATA[hello]]></Content>\n" +
        "<MsgId>4561255354251345929</MsgId>\n" +
        "<AgentID>218</AgentID>\n" +
        "</xml>";

    // Example 3 (企业回复用户消息的加密): the reply plaintext the sample encrypts.
    public const string ReplyPlaintext = "<xml><ToUserName><![CDATA[mycreate]]></ToUserName><FromUserName><![CDATA[wx5823bf96d3bd56c7]]></FromUserName><CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[this is a test]]></Content><MsgId>1234567890123456</MsgId><AgentID>128</AgentID></xml>";
}
