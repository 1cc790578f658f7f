using ReviewBot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddReviewBot();

var app = builder.Build();
app.MapReviewBot();
app.Run();

/// <summary>The entry point, public so integration tests can host the app.</summary>
public partial class Program;
