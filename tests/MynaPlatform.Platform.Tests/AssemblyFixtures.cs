using MynaPlatform.Platform.Testing;
using Xunit;

[assembly: AssemblyFixture(typeof(PlatformFixture))]
