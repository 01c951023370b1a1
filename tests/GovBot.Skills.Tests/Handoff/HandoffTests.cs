using GovBot.Data.People;
using GovBot.Data.Seeding;
using GovBot.Skills.Conversation;
using GovBot.Skills.Handoff;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Tests.Handoff;

/// <summary>转人工 end to end over the real store: who gets the message at which hour, the answer, and what is held back.</summary>
public sealed class HandoffTests
{
    private const string Resident = DemoUsers.Resident, Worker = DemoUsers.GridWorker, Staff = DemoUsers.Staff, Secretary = DemoUsers.Secretary;

    [Theory]
    [InlineData(8, 0, Worker)]
    [InlineData(17, 59, Worker)]
    [InlineData(18, 0, Staff)]
    [InlineData(7, 59, Staff)]
    [InlineData(23, 30, Staff)]
    public async Task Grid_hours_decide_between_the_grid_worker_and_the_community_office(int hour, int minute, string expected)
    {
        using var world = await HandoffWorld.StartAsync(hour, minute);

        var reply = await world.SayAsync(Resident, "找个真人问问我家暖气的事");

        Assert.Single(await world.CardsToAsync(expected));
        if (expected == Worker)
        {
            Assert.Contains("已转给网格员王建军", reply);
            Assert.Empty(await world.CardsToAsync(Staff));
        }
        else
        {
            Assert.Contains("现在是下班时间", reply);
            Assert.Contains("清泉湖社区值班的赵晓燕、李红梅", reply);
            Assert.Single(await world.CardsToAsync(Secretary));
            Assert.Empty(await world.CardsToAsync(Worker));
        }
    }

    [Fact]
    public async Task Grid_hours_are_an_option()
    {
        using var world = await HandoffWorld.StartAsync(8, 30);
        world.Options.GridHoursStart = new TimeOnly(9, 0);
        world.Options.GridHoursEnd = new TimeOnly(17, 0);

        var reply = await world.SayAsync(Resident, "找个真人问问我家暖气的事");

        Assert.Contains("网格员 9:00–17:00 在岗", reply);
        Assert.Single(await world.CardsToAsync(Staff));
    }

    [Fact]
    public async Task The_grid_worker_sees_the_phone_masked_and_staff_see_it_whole()
    {
        using var world = await HandoffWorld.StartAsync();
        await world.SayAsync(Resident, "找个真人问问我家暖气的事");
        world.At(19);
        await world.SayAsync(DemoUsers.Neighbour, "找个真人问问楼下停车的事");

        var workerCard = Assert.Single(await world.CardsToAsync(Worker));
        Assert.Contains("张丽", workerCard.Title);
        Assert.Contains("清华苑一期3号楼2单元301", workerCard.Description);
        Assert.Contains("138****0004", workerCard.Description);
        Assert.DoesNotContain("13803510004", workerCard.Description);
        Assert.Contains("「找个真人问问我家暖气的事」", workerCard.Description);

        var staffCard = Assert.Single(await world.CardsToAsync(Staff));
        Assert.Contains("刘洋", staffCard.Title);
        Assert.Contains("13803510005", staffCard.Description);
        Assert.Contains("下班时间发来", staffCard.Description);
    }

    [Fact]
    public async Task Only_asking_for_a_person_gets_one_question_and_the_next_message_goes()
    {
        using var world = await HandoffWorld.StartAsync();

        var ask = await world.SayAsync(Resident, "转人工");
        Assert.Contains("您想跟网格员王建军说什么", ask);
        Assert.Empty(await world.CardsToAsync(Worker));

        var again = await world.SayAsync(Resident, "人呢？");
        Assert.Contains("直接打字说想问的事", again);
        Assert.Empty(await world.CardsToAsync(Worker));

        var sent = await world.SayAsync(Resident, "停电了");
        Assert.Contains("已转给网格员王建军", sent);
        Assert.Contains("「停电了」", Assert.Single(await world.CardsToAsync(Worker)).Description);
        Assert.Null(world.DialogOf(Resident));
    }

    [Fact]
    public async Task The_answer_reaches_the_resident_and_greys_out_the_card()
    {
        using var world = await HandoffWorld.StartAsync();
        await world.SayAsync(Resident, "找个真人问问我家暖气的事");
        var key = Assert.Single(Assert.Single(await world.CardsToAsync(Worker)).Buttons).Key;

        Assert.Contains("请直接打字回复张丽", await world.TapAsync(Worker, key, "rc-42"));
        Assert.Contains("已把您的回复转给张丽", await world.SayAsync(Worker, "下午三点我过去看看"));

        Assert.Equal(["网格员王建军回复您：下午三点我过去看看"], await world.TextsToAsync(Resident));
        var update = Assert.Single((await world.PushesAsync()).Select(p => p.Part).OfType<CardUpdate>());
        Assert.Equal(("王建军已回复", "rc-42"), (update.ReplacementText, update.ResponseCode));
        Assert.Null(world.DialogOf(Worker));
    }

    [Fact]
    public async Task A_second_answer_is_not_sent_and_says_who_answered()
    {
        using var world = await HandoffWorld.StartAsync();
        world.At(20);
        await world.SayAsync(Resident, "找个真人说一下楼下烧烤油烟太大的事");
        var key = (await world.CardsToAsync(Staff)).Single().Buttons[0].Key;

        await world.TapAsync(Staff, key);
        await world.TapAsync(Secretary, key);
        await world.SayAsync(Staff, "我明天一早去跟烧烤店老板说");
        var late = await world.SayAsync(Secretary, "我让城管过去看看");

        Assert.Contains("这条赵晓燕已经回复张丽了", late);
        Assert.Equal(["社区工作人员赵晓燕回复您：我明天一早去跟烧烤店老板说"], await world.TextsToAsync(Resident));
        Assert.Contains("这条您已经回复过了", await world.TapAsync(Staff, key));
        Assert.Contains("这条赵晓燕已经回复张丽了", await world.TapAsync(Secretary, key));
        Assert.Null(world.DialogOf(Secretary));
    }

    [Theory]
    [InlineData(DemoUsers.Neighbour)]
    [InlineData("luodan")]
    public async Task Someone_the_card_was_not_sent_to_cannot_answer(string outsider)
    {
        using var world = await HandoffWorld.StartAsync();
        await world.SayAsync(Resident, "找个真人问问我家暖气的事");
        var key = (await world.CardsToAsync(Worker)).Single().Buttons[0].Key;

        Assert.Contains("不是转给您的", await world.TapAsync(outsider, key));
        Assert.Null(world.DialogOf(outsider));
        Assert.Contains("失效", await world.TapAsync(Worker, "handoff-answer:reply:1:notanumber"));
    }

    [Fact]
    public async Task Asking_again_within_the_window_does_not_send_another_card()
    {
        using var world = await HandoffWorld.StartAsync();
        await world.SayAsync(Resident, "找个真人问问我家暖气的事");
        world.Time.Advance(TimeSpan.FromMinutes(3));

        var again = await world.SayAsync(Resident, "转人工，暖气到底谁管");

        Assert.Contains("3分钟前已经转给王建军了", again);
        Assert.Contains("王建军 13803510003", again);
        Assert.Single(await world.CardsToAsync(Worker));
        Assert.Null(world.DialogOf(Resident));

        world.Time.Advance(world.Options.RepeatWindow);
        Assert.Contains("已转给网格员王建军", await world.SayAsync(Resident, "转人工，暖气到底谁管"));
        Assert.Equal(2, (await world.CardsToAsync(Worker)).Count);
    }

    [Fact]
    public async Task Once_answered_a_new_request_goes_at_once()
    {
        using var world = await HandoffWorld.StartAsync();
        await world.SayAsync(Resident, "找个真人问问我家暖气的事");
        await world.TapAsync(Worker, (await world.CardsToAsync(Worker)).Single().Buttons[0].Key);
        await world.SayAsync(Worker, "下午过去");
        world.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Contains("已转给网格员王建军", await world.SayAsync(Resident, "找真人问问楼下停车的事"));
        Assert.Equal(2, (await world.CardsToAsync(Worker)).Count);
    }

    [Fact]
    public async Task The_same_message_handled_twice_pushes_once()
    {
        using var world = await HandoffWorld.StartAsync();
        // A turn run again after a failed commit sees the same stored message, with the same arrival time, so the same
        // ticket: the outbox skips the card by its key (the repeat window is not what stops it).
        world.Options.RepeatWindow = TimeSpan.FromTicks(1);
        var at = world.Time.GetUtcNow();
        for (var i = 0; i < 2; i++)
        {
            await using var step = new HandoffWorld.Step(world);
            var person = await step.PersonAsync(Resident);
            var turn = new TurnContext(IncomingMessage.FromText(Resident, "找个真人问问我家暖气的事", at), person, null, null, world.Time.GetUtcNow());
            Assert.Contains("已转给网格员王建军", (await step.Handoff.StartAsync(turn, default)).ToPlainText());
            await step.Db.SaveChangesAsync();
            world.Time.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Single(await world.CardsToAsync(Worker));
    }

    [Fact]
    public async Task A_long_message_follows_its_card_in_full()
    {
        using var world = await HandoffWorld.StartAsync();
        var said = "找个真人，" + string.Concat(Enumerable.Repeat("我家暖气从上个礼拜开始就不热，", 6)) + "到底谁管";

        await world.SayAsync(Resident, said);

        Assert.Contains("全文见下条", (await world.CardsToAsync(Worker)).Single().Description);
        Assert.Contains(said, Assert.Single(await world.TextsToAsync(Worker)));
    }

    [Fact]
    public async Task A_building_in_a_compound_of_several_grids_reaches_only_its_own_grid()
    {
        using var world = await HandoffWorld.StartAsync();

        Assert.Contains("已转给网格员罗丹", await world.SayAsync("songyuxin", "找真人问问楼上装修的事"));
        Assert.Single(await world.CardsToAsync("luodan"));
        Assert.Empty(await world.CardsToAsync("xuguoqing"));
        Assert.Empty(await world.CardsToAsync("liangxiaodong"));
    }

    [Fact]
    public async Task Staff_without_a_community_reach_the_county_office()
    {
        using var world = await HandoffWorld.StartAsync();
        await world.WithAsync(async s =>
        {
            s.Db.People.Add(new Person { WeComUserId = "newstaff", Name = "新来的", Roles = Roles.Staff, CreatedAt = world.Time.GetUtcNow(), OnboardedAt = world.Time.GetUtcNow() });
            return await s.Db.SaveChangesAsync();
        });

        Assert.Contains("已转给县里的白云飞", await world.SayAsync("newstaff", "找个真人问问账号权限的事"));
        Assert.Single(await world.CardsToAsync(DemoUsers.CountyAdmin));
    }

    [Fact]
    public async Task A_grid_worker_asking_for_a_person_is_not_sent_their_own_message()
    {
        using var world = await HandoffWorld.StartAsync();
        await world.WithAsync(async s =>
        {
            var worker = await s.PersonAsync(Worker);
            var zhangli = await s.PersonAsync(Resident);
            (worker.CompoundId, worker.BuildingId) = (zhangli.CompoundId, zhangli.BuildingId);
            return await s.Db.SaveChangesAsync();
        });

        var reply = await world.SayAsync(Worker, "找个真人问问我家暖气的事");

        Assert.Contains("清泉湖社区的赵晓燕、李红梅", reply);
        Assert.DoesNotContain("下班", reply);
        Assert.Empty(await world.CardsToAsync(Worker));
    }
}
