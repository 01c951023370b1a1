namespace GovBot.Host.Open311;

// GeoReport v2 field names come from the property names through the snake_case policy of Open311Output,
// in declaration order, which is the order of the spec's tables. Fields the spec marks "may not be
// returned" are still written, as null, so clients see one shape.

/// <summary>One entry of GET services.</summary>
public sealed record ServiceDto(
    string ServiceCode, string ServiceName, string Description, bool Metadata, string Type, string Keywords, string Group);

/// <summary>GET services/{service_code}: the attributes a client may send with a request of that service.</summary>
public sealed record ServiceDefinitionDto(string ServiceCode, IReadOnlyList<AttributeDto> Attributes);

public sealed record AttributeDto(
    bool Variable, string Code, string Datatype, bool Required, string? DatatypeDescription, int Order, string Description,
    IReadOnlyList<AttributeValueDto> Values);

public sealed record AttributeValueDto(string Key, string Name);

/// <summary>One entry of GET requests and GET requests/{id}.</summary>
public sealed record RequestDto(
    string ServiceRequestId,
    string Status,
    string? StatusNotes,
    string ServiceName,
    string ServiceCode,
    string Description,
    string? AgencyResponsible,
    string? ServiceNotice,
    string RequestedDatetime,
    string UpdatedDatetime,
    string? ExpectedDatetime,
    string? Address,
    string? AddressId,
    string? Zipcode,
    double? Lat,
    double? Long,
    string? MediaUrl);

/// <summary>The answer to POST requests. Requests are realtime, so it carries the id and never a token.</summary>
public sealed record CreatedRequestDto(string ServiceRequestId, string? ServiceNotice, string? AccountId);

/// <summary>One entry of an error answer; <see cref="Code"/> repeats the HTTP status.</summary>
public sealed record ErrorDto(int Code, string Description);
