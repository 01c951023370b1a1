using GovBot.Data;
using GovBot.Host.Health;
using GovBot.Host.Nlu;
using GovBot.Host.Open311;
using GovBot.Host.Reports;
using GovBot.Host.WeCom.Callback;
using GovBot.Host.WeCom.Outbox;
using GovBot.Skills.Conversation;
using GovBot.Skills.Nlu;
using GovBot.Skills.Reports;
using GovBot.Skills.State;

var builder = WebApplication.CreateBuilder(args);

builder.AddGovBotData();
builder.AddGovBotState();
builder.AddGovBotNlu();
builder.AddGovBotConversation();
builder.AddGovBotReports();
builder.AddWeComOutbound();
builder.AddReportBackgroundWork();
builder.AddWeComCallback();
builder.AddOpen311();
builder.AddGovBotHealth();

var app = builder.Build();

app.MapWeComCallback();
app.MapNluApi();
app.MapOpen311();
app.MapGovBotHealth();

await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
