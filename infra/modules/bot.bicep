// The Azure Bot: single-tenant or user-assigned managed identity, Teams and Outlook channels only.
// Direct Line is not declared. The service creates a Web Chat channel by itself; the README's deployment
// steps delete it afterwards (it cannot be left out here).
@description('Bot resource name (globally unique handle).')
param name string

@description('Display name in Teams.')
param displayName string

@description('UserAssignedMSI or SingleTenant.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param appType string

@description('The bot\'s Microsoft App ID: the identity\'s client id (UserAssignedMSI) or the app registration id (SingleTenant).')
param appId string

@description('Resource id of the user-assigned identity (used only with UserAssignedMSI).')
param identityId string

@description('The messaging endpoint, https://<host>/api/messages.')
param endpoint string

@description('Tags for every resource.')
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: appType
    msaAppId: appId
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityId : null
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Actionable messages: Universal Actions on cards mailed by Graph reach the bot with channelId 'outlook'.
resource outlook 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'OutlookChannel'
  location: 'global'
  properties: {
    channelName: 'OutlookChannel'
  }
}

@description('Bot resource name (for the Web Chat removal step).')
output name string = bot.name
