using System.Net;
using System.Text.Json;
using GovBot.Host.Tests.EndToEnd;

namespace GovBot.Host.Tests.Open311;

/// <summary>GET services and GET services/{service_code}, checked against the field names and types of GeoReport v2.</summary>
public sealed class Open311ServicesTests : IAsyncLifetime
{
    private BotHost _bot = null!;
    private Open311Calls _open311 = null!;

    public async Task InitializeAsync()
    {
        _bot = await Open311Calls.StartHostAsync();
        _open311 = new Open311Calls(_bot);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Services_json_lists_the_ten_categories_with_the_spec_fields_and_types()
    {
        var (status, services, contentType) = await _open311.GetJsonAsync("services.json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("application/json", contentType);
        Assert.Contains("utf-8", contentType, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(JsonValueKind.Array, services.ValueKind);
        Assert.Equal(
            ["飞线充电", "乱停乱放", "消防通道", "环境卫生", "设施损坏", "噪音扰民", "邻里纠纷", "违章搭建", "安全隐患", "物业服务", "其他"],
            services.EnumerateArray().Select(s => s.GetProperty("service_name").GetString()!).ToArray());
        foreach (var service in services.EnumerateArray())
        {
            Assert.Equal(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"],
                service.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(JsonValueKind.String, service.GetProperty("service_code").ValueKind);
            Assert.Equal(JsonValueKind.False, service.GetProperty("metadata").ValueKind);
            Assert.Equal("realtime", service.GetProperty("type").GetString());
            Assert.Equal(JsonValueKind.String, service.GetProperty("keywords").ValueKind);
            Assert.Equal(JsonValueKind.String, service.GetProperty("group").ValueKind);
        }
        Assert.Equal(11, services.EnumerateArray().Select(s => s.GetProperty("service_code").GetString()).Distinct().Count());

        var wires = services.EnumerateArray().First(s => s.GetProperty("service_name").GetString() == "飞线充电");
        Assert.Contains("私拉电线", wires.GetProperty("keywords").GetString());
        Assert.Contains("1小时内受理", wires.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Services_xml_has_the_spec_elements_under_a_utf8_declaration()
    {
        var (status, xml, contentType) = await _open311.GetXmlAsync("services.xml");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("text/xml", contentType);
        Assert.Equal("utf-8", xml.Declaration?.Encoding, ignoreCase: true);
        Assert.Equal("services", xml.Root!.Name.LocalName);
        var services = xml.Root.Elements().ToList();
        Assert.Equal(11, services.Count);
        Assert.All(services, s => Assert.Equal("service", s.Name.LocalName));
        Assert.Equal(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"],
            services[0].Elements().Select(e => e.Name.LocalName).ToArray());
        Assert.Equal("false", services[0].Element("metadata")!.Value);
        Assert.Equal("飞线充电", services[0].Element("service_name")!.Value);
    }

    [Fact]
    public async Task A_service_definition_offers_the_community_as_an_optional_single_value_list()
    {
        var code = await _open311.CodeOfAsync("消防通道");

        var (status, definition, _) = await _open311.GetJsonAsync($"services/{code}.json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(code, definition.GetProperty("service_code").GetString());
        var attribute = Assert.Single(definition.GetProperty("attributes").EnumerateArray().ToList());
        Assert.Equal(["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"],
            attribute.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.True(attribute.GetProperty("variable").GetBoolean());
        Assert.Equal("community", attribute.GetProperty("code").GetString());
        Assert.Equal("singlevaluelist", attribute.GetProperty("datatype").GetString());
        Assert.False(attribute.GetProperty("required").GetBoolean());
        Assert.Contains(attribute.GetProperty("values").EnumerateArray(),
            v => v.GetProperty("name").GetString() == "清徐县清源镇清泉湖社区" && v.GetProperty("key").ValueKind == JsonValueKind.String);

        var (xmlStatus, xml, _) = await _open311.GetXmlAsync($"services/{code}.xml");
        Assert.Equal(HttpStatusCode.OK, xmlStatus);
        Assert.Equal("service_definition", xml.Root!.Name.LocalName);
        Assert.NotEmpty(xml.Root.Element("attributes")!.Element("attribute")!.Element("values")!.Elements("value"));
    }

    [Fact]
    public async Task An_unknown_service_or_jurisdiction_or_format_is_a_404_error_list()
    {
        var (status, errors, _) = await _open311.GetJsonAsync("services/999.json");
        Assert.Equal(HttpStatusCode.NotFound, status);
        AssertErrorList(errors, 404);

        (status, errors, _) = await _open311.GetJsonAsync("services.json?jurisdiction_id=taiyuan.gov.cn");
        Assert.Equal(HttpStatusCode.NotFound, status);
        AssertErrorList(errors, 404);

        (status, _, _) = await _open311.GetJsonAsync($"services.json?jurisdiction_id={Open311Calls.Jurisdiction}");
        Assert.Equal(HttpStatusCode.OK, status);

        (status, errors, _) = await _open311.GetJsonAsync("services.csv");
        Assert.Equal(HttpStatusCode.NotFound, status);
        AssertErrorList(errors, 404);

        var (xmlStatus, xml, _) = await _open311.GetXmlAsync("services/999.xml");
        Assert.Equal(HttpStatusCode.NotFound, xmlStatus);
        Assert.Equal("errors", xml.Root!.Name.LocalName);
        var error = Assert.Single(xml.Root.Elements("error"));
        Assert.Equal("404", error.Element("code")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(error.Element("description")!.Value));
    }

    internal static void AssertErrorList(JsonElement errors, int code)
    {
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        var error = Assert.Single(errors.EnumerateArray().ToList());
        Assert.Equal(["code", "description"], error.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("description").GetString()));
    }
}
