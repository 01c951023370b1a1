namespace GovBot.Host.WeCom.Api;

public enum WeComErrorKind
{
    Ok,
    /// <summary>The access token is invalid or expired: fetch a new one and try again.</summary>
    TokenRejected,
    /// <summary>Busy or rate-limited: the same call may succeed later.</summary>
    Transient,
    /// <summary>The recipients were refused (unknown, or none valid); another batch may still go out.</summary>
    RecipientsRefused,
    /// <summary>The call itself is wrong (content, card shape, permissions) and will be refused again.</summary>
    Refused,
}

/// <summary>WeCom's global error codes that this host acts on.</summary>
public static class WeComErrors
{
    public const int SystemBusy = -1;
    public const int Ok = 0;
    public const int DataVersionConflict = 6000;
    public const int InvalidSecret = 40001;
    public const int InvalidUserId = 40003;
    public const int InvalidMediaId = 40007;
    public const int InvalidMsgType = 40008;
    public const int InvalidCorpId = 40013;
    public const int InvalidAccessToken = 40014;
    public const int InvalidUserIdList = 40031;
    public const int InvalidUserIdListLength = 40032;
    public const int InvalidCharacters = 40033;
    public const int InvalidParameter = 40035;
    public const int InvalidAgentId = 40056;
    public const int MissingAccessToken = 41001;
    public const int AccessTokenExpired = 42001;
    public const int EmptyContent = 44004;
    public const int ContentTooLong = 45002;
    public const int ApiFrequencyLimit = 45009;
    public const int ApiTooFrequent = 45011;
    public const int ApiConcurrencyLimit = 45033;
    public const int AllRecipientsInvalid = 81013;
    /// <summary>user/get: no member with this userid (deleted, or never was).</summary>
    public const int UserNotFound = 60111;
    /// <summary>department/list, user/simplelist: no such department.</summary>
    public const int InvalidDepartment = 60123;
    /// <summary>The app may not read this department or member: outside its 可见范围.</summary>
    public const int NoPrivilege = 60011;

    public static WeComErrorKind Classify(int errcode) => errcode switch
    {
        Ok => WeComErrorKind.Ok,
        // 40001 is also what WeCom answers to an access token of another app or a rotated secret.
        InvalidAccessToken or AccessTokenExpired or InvalidSecret => WeComErrorKind.TokenRejected,
        SystemBusy or DataVersionConflict or ApiFrequencyLimit or ApiTooFrequent or ApiConcurrencyLimit => WeComErrorKind.Transient,
        InvalidUserId or InvalidUserIdList or AllRecipientsInvalid => WeComErrorKind.RecipientsRefused,
        _ => WeComErrorKind.Refused,
    };
}
